package dev.bazaar.osbclient;

import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Reads a body up to a limit; beyond it, stops reading and fails with
 * {@link ResponseTooLarge}, so a broker cannot fill Bazaar's memory.
 */
final class CappedBodyHandler implements BodyHandler<byte[]> {

	private final long limit;

	private volatile boolean expired;

	private volatile @Nullable CappedBodySubscriber current;

	CappedBodyHandler(long limit) {
		this.limit = limit;
	}

	@Override
	public BodySubscriber<byte[]> apply(ResponseInfo info) {
		CappedBodySubscriber subscriber = new CappedBodySubscriber(this.limit, declaredLength(info));
		this.current = subscriber;
		if (this.expired) {
			subscriber.expire();
		}
		return subscriber;
	}

	/** The time is up: the body being read, if any, fails with a timeout. */
	void expire() {
		this.expired = true;
		CappedBodySubscriber subscriber = this.current;
		if (subscriber != null) {
			subscriber.expire();
		}
	}

	/** Whether the headers arrived and the body is being read. */
	boolean answered() {
		return this.current != null;
	}

	boolean expired() {
		return this.expired;
	}

	private static long declaredLength(ResponseInfo info) {
		try {
			OptionalLong length = info.headers().firstValueAsLong("Content-Length");
			return length.orElse(-1);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static final class CappedBodySubscriber implements BodySubscriber<byte[]> {

		/** The first buffer's size when the length is not declared: most answers fit. */
		private static final int FIRST = 1024;

		/** The largest first buffer, whatever length a broker declares. */
		private static final int MOST_FIRST = 64 * 1024;

		/** The largest array the JVM makes. */
		private static final long MOST = Integer.MAX_VALUE - 8;

		private final CompletableFuture<byte[]> body = new CompletableFuture<>();

		private final long limit;

		private final long declaredLength;

		/** What arrived so far, in {@code bytes[0, size)}. */
		private byte[] bytes;

		private int size;

		private volatile Flow.@Nullable Subscription subscription;

		CappedBodySubscriber(long limit, long declaredLength) {
			this.limit = limit;
			this.declaredLength = declaredLength;
			// A usual answer declares its length: it is read into one array, the one
			// handed over.
			this.bytes = new byte[(declaredLength >= 0) ? (int) Math.min(declaredLength, MOST_FIRST) : FIRST];
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.body.isDone()) {
				subscription.cancel();
				return;
			}
			if (this.declaredLength > this.limit) {
				tooLarge();
				return;
			}
			// All of it, as it comes: the limit is kept here.
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			if (this.body.isDone()) {
				return;
			}
			for (ByteBuffer item : items) {
				int length = item.remaining();
				if (this.size + (long) length > this.limit) {
					tooLarge();
					return;
				}
				if (this.size + length > this.bytes.length) {
					long grown = Math.max(this.size + (long) length, 2L * this.bytes.length);
					this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(grown, Math.min(this.limit, MOST)));
				}
				item.get(this.bytes, this.size, length);
				this.size += length;
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.body.completeExceptionally(failure);
		}

		@Override
		public void onComplete() {
			this.body.complete((this.size == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.size));
		}

		private void expire() {
			this.body.completeExceptionally(new HttpTimeoutException("the answer did not arrive in time"));
			Flow.Subscription taken = this.subscription;
			if (taken != null) {
				taken.cancel();
			}
		}

		private void tooLarge() {
			if (this.subscription != null) {
				this.subscription.cancel();
			}
			this.body.completeExceptionally(new ResponseTooLarge(this.limit));
		}

	}

}
