package dev.bazaar;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries: a module uses only other modules' APIs (their base
 * packages), and no module depends on another in a cycle. Writes the module diagrams into
 * {@code docs/modules}, which is committed so that the README can link them.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(BazaarApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeDocumentation();
	}

}
