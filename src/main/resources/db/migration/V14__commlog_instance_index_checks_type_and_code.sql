-- Communication logs: the instance index also holds the operation type and the response code, last, as the
-- broker, operation, location and plan indexes do (V11). A search of one instance's logs by operation type or
-- by answer ("this instance's failed calls") checks them in the index and reads from the table only the logs
-- it shows, not every log of the instance. Rebuilding it takes about 20 s per 10,000,000 logs.
drop index ix_communication_log_instance;
create index ix_communication_log_instance on communication_log (broker_id, instance_id, requested_at, id, operation_type, response_code);
