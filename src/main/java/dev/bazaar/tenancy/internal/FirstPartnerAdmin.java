package dev.bazaar.tenancy.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * On a start with no users, creates the Partner Admin: {@code BAZAAR_ADMIN_USERNAME} and
 * {@code BAZAAR_ADMIN_PASSWORD} when set, otherwise {@code admin} with a random password
 * printed once to the log.
 */
@Component
class FirstPartnerAdmin implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(FirstPartnerAdmin.class);

	private final TenancyManagement tenancy;

	private final String username;

	private final String password;

	FirstPartnerAdmin(TenancyManagement tenancy, @Value("${bazaar.admin.username:admin}") String username,
			@Value("${bazaar.admin.password:}") String password) {
		this.tenancy = tenancy;
		this.username = username.isBlank() ? "admin" : username;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean generated = this.password.isBlank();
		String actual = generated ? randomPassword() : this.password;
		try {
			this.tenancy.createFirstPartnerAdmin(this.username, actual).ifPresent((user) -> {
				if (generated) {
					logger.warn("Created the Partner Admin '" + user.username() + "' with the password: " + actual
							+ "  (shown once; change it or set BAZAAR_ADMIN_PASSWORD)");
				}
				else {
					logger.info("Created the Partner Admin '" + user.username() + "' from BAZAAR_ADMIN_USERNAME");
				}
			});
		}
		catch (DuplicateKeyException ex) {
			logger.info("Another Bazaar node created the first Partner Admin");
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
