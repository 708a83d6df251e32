package dev.bazaar.publishing;

import java.util.Map;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.TestCertificates;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.TlsBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The publishing pages: the broker page's Publications panel, approvals, deactivation.
 */
@BazaarTest
@AutoConfigureMockMvc
class PublishingPagesTests extends PublishingFixture {

	@Autowired
	MockMvc mvc;

	String broker;

	@BeforeEach
	void registerABroker() {
		this.broker = registerTheFakeBroker();
	}

	@Test
	void publishFormRefusesHttpWithTheMessageBesideTheField() throws Exception {
		this.mvc.perform(asOwner(publishForm(this.fake.url())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(matchesPattern(
					"(?s).*<input[^>]*id=\"endpoint\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">must start with https://</p>.*")))
			.andExpect(content().string(not(containsString("tls-password"))));
		assertThat(publications()).isEqualTo("[]");
	}

	@Test
	void publishesAndShowsThePublicationPendingOnTheBrokerPage() throws Exception {
		this.mvc.perform(asOwner(publishForm(this.published.url())))
			.andExpect(redirectedUrl("/service-brokers/" + this.broker + "#publications"))
			.andExpect(flash().attribute("flash", containsString("waits for a partner admin's approval")));

		this.mvc.perform(asOwner(get("/service-brokers/" + this.broker)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Pending approval"), containsString(this.published.url()),
					containsString("tls-user"), containsString("/publications/global/revoke"),
					containsString("Delete this broker"), not(containsString("Deactivate this broker")))));
	}

	@Test
	void anUntrustedCertificateShowsItsCauseAtTheTop() throws Exception {
		try (TlsBroker untrusted = TlsBroker.presenting(TestCertificates.selfSigned("localhost"),
				this.fake.catalog())) {
			this.mvc.perform(asOwner(publishForm(untrusted.url())))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(allOf(containsString("class=\"alert alert-danger\""),
						containsString("nothing was saved"), containsString("not trusted"))));
		}
		assertThat(publications()).isEqualTo("[]");
	}

	@Test
	void approvalsPageIsForbiddenForACustomerAdmin() throws Exception {
		this.mvc.perform(asOwner(get("/approvals"))).andExpect(status().isForbidden());
		this.mvc.perform(asOwner(post("/approvals/" + this.broker + "/global/approve")))
			.andExpect(status().isForbidden());
	}

	@Test
	void partnerAdminApprovesAPendingPublication() throws Exception {
		publish();
		this.mvc.perform(asPartnerAdmin(get("/approvals")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(this.broker), containsString(this.owner.identifier()),
					containsString(this.published.url()), containsString("fake-database"),
					containsString(">Approvals</a>"))));

		this.mvc.perform(asPartnerAdmin(post("/approvals/" + this.broker + "/global/approve")))
			.andExpect(redirectedUrl("/approvals"))
			.andExpect(flash().attribute("flash", containsString("now in the marketplace of location 'global'")));

		assertThat(publications()).contains("\"status\":\"APPROVED\"");
		this.mvc.perform(asPartnerAdmin(get("/approvals")))
			.andExpect(content().string(not(containsString(this.broker))));
		this.mvc.perform(asOwner(get("/service-brokers/" + this.broker)))
			.andExpect(content().string(allOf(containsString("Approved"), containsString("Deactivate this broker"),
					not(containsString("Delete this broker")), not(containsString("/publications/global/revoke")))));
	}

	@Test
	void rejectingRequiresACommentThatTheOwnerThenReads() throws Exception {
		publish();
		this.mvc.perform(asPartnerAdmin(post("/approvals/" + this.broker + "/global/reject")).param("comment", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(matchesPattern(
					"(?s).*<input[^>]*name=\"comment\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">The comment is required</p>.*")));
		assertThat(publications()).contains("\"status\":\"PENDING_APPROVAL\"");

		this.mvc
			.perform(asPartnerAdmin(post("/approvals/" + this.broker + "/global/reject")).param("comment",
					"Use the production URL"))
			.andExpect(redirectedUrl("/approvals"));

		this.mvc.perform(asOwner(get("/service-brokers/" + this.broker)))
			.andExpect(content().string(allOf(containsString("Rejected"), containsString("Use the production URL"))));
	}

	@Test
	void deactivationRefusesTheWrongNameAndThenHidesTheActions() throws Exception {
		publish();
		Tenants.partnerAdmin(this.port)
			.post("/api/service-brokers/" + this.broker + "/publications/global/approve", null);

		this.mvc.perform(asOwner(post("/service-brokers/" + this.broker + "/deactivate")).param("confirm", "Publishd"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("confirm with its name exactly: &#39;Published&#39;")));
		assertThat(this.owner.admin().get("/api/service-brokers/" + this.broker).body())
			.contains("\"status\":\"ACTIVE\"");

		this.mvc.perform(asOwner(post("/service-brokers/" + this.broker + "/deactivate")).param("confirm", "Published"))
			.andExpect(redirectedUrl("/service-brokers/" + this.broker));
		this.mvc.perform(asOwner(get("/service-brokers/" + this.broker)))
			.andExpect(
					content().string(allOf(containsString("Deactivated"), not(containsString("Publish to a location")),
							not(containsString("Refresh Catalog")), not(containsString("Deactivate broker")))));
	}

	@Test
	void revokesAPublicationWhileItIsNotApproved() throws Exception {
		publish();

		this.mvc.perform(asOwner(post("/service-brokers/" + this.broker + "/publications/global/revoke")))
			.andExpect(redirectedUrl("/service-brokers/" + this.broker + "#publications"))
			.andExpect(flash().attribute("flash", containsString("revoked")));

		assertThat(publications()).isEqualTo("[]");
		publish();
		Tenants.partnerAdmin(this.port)
			.post("/api/service-brokers/" + this.broker + "/publications/global/approve", null);
		this.mvc.perform(asOwner(post("/service-brokers/" + this.broker + "/publications/global/revoke")))
			.andExpect(flash().attribute("flashError", containsString("cannot be revoked")));
	}

	@Test
	void refreshesAPublicationsCatalog() throws Exception {
		publish();

		this.mvc.perform(asOwner(post("/service-brokers/" + this.broker + "/publications/global/catalog/refresh")))
			.andExpect(flash().attribute("flash", containsString("refreshed")));
	}

	private void publish() {
		Api.Reply reply = this.owner.admin()
			.post("/api/service-brokers/" + this.broker + "/publications", Map.of("location", "global", "endpoint",
					this.published.url(), "username", "tls-user", "password", "tls-password"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	private String publications() {
		return this.owner.admin().get("/api/service-brokers/" + this.broker + "/publications").body().replace(" ", "");
	}

	private MockHttpServletRequestBuilder publishForm(String endpoint) {
		return post("/service-brokers/" + this.broker + "/publications").param("location", "global")
			.param("endpoint", endpoint)
			.param("username", "tls-user")
			.param("password", "tls-password");
	}

	private MockHttpServletRequestBuilder asOwner(MockHttpServletRequestBuilder request) {
		return request.accept(MediaType.TEXT_HTML)
			.with(httpBasic(this.owner.adminUsername(), Tenants.PASSWORD))
			.with(csrf());
	}

	private MockHttpServletRequestBuilder asPartnerAdmin(MockHttpServletRequestBuilder request) {
		return request.accept(MediaType.TEXT_HTML).with(httpBasic("admin", "admin-password")).with(csrf());
	}

}
