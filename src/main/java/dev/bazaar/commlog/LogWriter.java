package dev.bazaar.commlog;

/** Writes logs one by one in an export format. */
interface LogWriter {

	void start();

	void write(LogSummary log);

}
