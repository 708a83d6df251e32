package dev.bazaar.bench;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The {@link Floor}'s work behind Bazaar's own web stack: a handler mapped in the
 * benchmark's Bazaar context under {@code /api} (by hand, not a scanned controller, so
 * that no test context gets it), so that a request passes Tomcat, the API's Spring
 * Security chain (HTTP Basic, the credential cache), Spring MVC with Jackson binding the
 * order to a record and writing the answer, and the request metrics — and then does only
 * what the floor does. Bazaar ÷ this is what Bazaar's own logic costs beyond the
 * essential work, on the same stack. Not part of Bazaar.
 */
final class StackFloor {

	static final String PATH = "/api/bench/floor";

	private final AtomicLong sequence = new AtomicLong();

	private final Floor floor;

	private StackFloor(Floor floor) {
		this.floor = floor;
	}

	/** Maps {@code POST} {@value #PATH} to the floor's work. */
	static void map(RequestMappingHandlerMapping mapping, Floor floor) throws NoSuchMethodException {
		RequestMappingInfo info = RequestMappingInfo.paths(PATH)
			.methods(RequestMethod.POST)
			.options(mapping.getBuilderConfiguration())
			.build();
		mapping.registerMapping(info, new StackFloor(floor), StackFloor.class.getMethod("provision", Order.class));
	}

	public ResponseEntity<Instance> provision(@RequestBody Order order) throws Exception {
		boolean provisioned = this.floor.provision(this.sequence.incrementAndGet());
		Instance instance = new Instance(UUID.randomUUID(), order.displayName(), order.marketplace(), order.serviceId(),
				order.planId(), "SUCCEEDED");
		return ResponseEntity.status(provisioned ? HttpStatus.CREATED : HttpStatus.BAD_GATEWAY).body(instance);
	}

	public record Order(String marketplace, String serviceId, String planId, String displayName) {
	}

	public record Instance(UUID id, String displayName, String marketplace, String serviceId, String planId,
			String status) {
	}

}
