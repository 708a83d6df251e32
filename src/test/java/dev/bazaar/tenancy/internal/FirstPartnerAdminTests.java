package dev.bazaar.tenancy.internal;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bazaar.BazaarApplication;
import dev.bazaar.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Partner Admin made on the first start: from {@code BAZAAR_ADMIN_*}, or
 * {@code admin} with a random password logged once. Starts the app itself, as each test
 * needs its own starts on its own database.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstPartnerAdminTests {

	private static final Pattern LOGGED_PASSWORD = Pattern
		.compile("Created the Partner Admin 'admin' with the " + "password: (\\S+)");

	@Test
	void takesUsernameAndPasswordFromTheEnvironment(CapturedOutput output) {
		Map<String, Object> environment = Map.of("BAZAAR_ADMIN_USERNAME", "operator", "BAZAAR_ADMIN_PASSWORD",
				"operator-secret");
		try (ConfigurableApplicationContext app = start(newDatabase(), environment)) {
			assertThat(Api.as(port(app), "operator", "operator-secret").get("/api/locations").status()).isEqualTo(200);
			assertThat(Api.as(port(app), "admin", "admin-password").get("/api/locations").status()).isEqualTo(401);
			assertThat(output).doesNotContain("operator-secret");
		}
	}

	@Test
	void logsARandomPasswordOnceWhenNoneIsSet(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start(newDatabase(), Map.of())) {
			Matcher logged = LOGGED_PASSWORD.matcher(output.getOut() + output.getErr());
			assertThat(logged.find()).as("the password is logged").isTrue();
			String password = logged.group(1);
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			assertThat(output.toString().split(Pattern.quote(password), -1)).as("logged exactly once").hasSize(2);
			assertThat(Api.as(port(app), "admin", password).get("/api/locations").status()).isEqualTo(200);
		}
	}

	@Test
	void aLaterStartWithUsersCreatesNone(CapturedOutput output) {
		String database = newDatabase();
		String password;
		try (ConfigurableApplicationContext first = start(database, Map.of())) {
			Matcher logged = LOGGED_PASSWORD.matcher(output.toString());
			assertThat(logged.find()).isTrue();
			password = logged.group(1);
		}
		int before = output.toString().length();
		try (ConfigurableApplicationContext second = start(database, Map.of())) {
			assertThat(output.toString().substring(before)).doesNotContain("Created the Partner Admin");
			long users = second.getBean(JdbcClient.class)
				.sql("select count(*) from app_user")
				.query(Long.class)
				.single();
			assertThat(users).isEqualTo(1);
			assertThat(Api.as(port(second), "admin", password).get("/api/locations").status()).isEqualTo(200);
		}
	}

	/**
	 * Starts Bazaar with profile {@code test}, but with no admin password unless the
	 * given environment variables set one.
	 */
	private static ConfigurableApplicationContext start(String databaseUrl, Map<String, Object> environment) {
		ApplicationContextInitializer<ConfigurableApplicationContext> variables = (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("testEnvironment", environment));
		return new SpringApplicationBuilder(BazaarApplication.class).profiles("test")
			.initializers(variables)
			.run("--server.port=0", "--spring.datasource.url=" + databaseUrl, "--bazaar.admin.password=");
	}

	private static String newDatabase() {
		return "jdbc:h2:mem:first-admin-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	private static int port(ConfigurableApplicationContext app) {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
