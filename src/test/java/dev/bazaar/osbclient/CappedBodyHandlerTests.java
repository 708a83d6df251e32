package dev.bazaar.osbclient;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedBodyHandlerTests {

	@Test
	void readsABodyOfAnyLengthInPiecesWhateverLengthWasDeclared() {
		String text = "ü".repeat(3000) + "end";
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (String declared : new String[] { null, "0", "10", Integer.toString(bytes.length), "999999" }) {
			BodySubscriber<byte[]> body = new CappedBodyHandler(1_000_000).apply(info(declared));
			Subscription subscription = new Subscription();
			body.onSubscribe(subscription);
			for (int start = 0; start < bytes.length; start += 700) {
				ByteBuffer piece = ByteBuffer.wrap(bytes, start, Math.min(700, bytes.length - start)).slice();
				body.onNext(List.of(piece.asReadOnlyBuffer(), ByteBuffer.allocate(0)));
			}
			body.onComplete();

			assertThat(new String(body.getBody().toCompletableFuture().join(), StandardCharsets.UTF_8))
				.as("declared %s", declared)
				.isEqualTo(text);
			assertThat(subscription.requested).isPositive();
			assertThat(subscription.cancelled).isFalse();
		}
	}

	@Test
	void stopsReadingOnceTheBodyPassesTheLimit() {
		BodySubscriber<byte[]> body = new CappedBodyHandler(1500).apply(info(null));
		Subscription subscription = new Subscription();
		body.onSubscribe(subscription);

		body.onNext(List.of(ByteBuffer.allocate(1000)));
		body.onNext(List.of(ByteBuffer.allocate(501)));

		assertThat(subscription.cancelled).isTrue();
		assertThatThrownBy(() -> body.getBody().toCompletableFuture().join()).isInstanceOf(CompletionException.class)
			.hasCauseInstanceOf(ResponseTooLarge.class);
	}

	@Test
	void refusesABodyDeclaredLargerThanTheLimitBeforeReadingIt() {
		BodySubscriber<byte[]> body = new CappedBodyHandler(1500).apply(info("1501"));
		Subscription subscription = new Subscription();

		body.onSubscribe(subscription);

		assertThat(subscription.cancelled).isTrue();
		assertThat(subscription.requested).isZero();
		assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
	}

	/** An answer's status and headers: 200, with the Content-Length given, if any. */
	static ResponseInfo info(String contentLength) {
		HttpHeaders headers = HttpHeaders.of(
				(contentLength != null) ? Map.of("content-length", List.of(contentLength)) : Map.of(),
				(name, value) -> true);
		return new ResponseInfo() {
			@Override
			public int statusCode() {
				return 200;
			}

			@Override
			public HttpHeaders headers() {
				return headers;
			}

			@Override
			public HttpClient.Version version() {
				return HttpClient.Version.HTTP_1_1;
			}
		};
	}

	private static final class Subscription implements Flow.Subscription {

		private long requested;

		private boolean cancelled;

		@Override
		public void request(long n) {
			this.requested += n;
		}

		@Override
		public void cancel() {
			this.cancelled = true;
		}

	}

}
