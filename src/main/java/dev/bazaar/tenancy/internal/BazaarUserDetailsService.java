package dev.bazaar.tenancy.internal;

import java.util.UUID;

import dev.bazaar.tenancy.BazaarUser;
import dev.bazaar.tenancy.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users, with their role and customer, for form login and HTTP Basic. */
@Component
class BazaarUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	BazaarUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("""
				select u.id, u.username, u.password_hash, u.role, u.customer_id, c.identifier as customer_identifier
				from app_user u left join customer c on c.id = u.customer_id
				where u.username = ?""")
			.param(username)
			.query((rs, row) -> new BazaarUser(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
					rs.getObject("customer_id", UUID.class), rs.getString("customer_identifier")))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
