package dev.bazaar.tenancy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.Api;
import dev.bazaar.support.Api.Reply;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.tenancy.internal.TenancyRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenancy API of API.md over real sockets: each endpoint, and each way it refuses.
 * The tests share two customers with their users (made once, as hashing passwords is
 * slow) and make their own projects, so they pass in any order.
 */
@BazaarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TenancyManagement tenancy;

	@Autowired
	TenancyRepository repository;

	Api partnerAdmin;

	String customer;

	Api customerAdmin;

	Api employee;

	String otherCustomer;

	Api otherAdmin;

	@BeforeAll
	void twoCustomersWithTheirUsers() {
		this.partnerAdmin = Api.as(this.port, "admin", "admin-password");
		this.customer = newCustomer();
		this.customerAdmin = newUser(this.customer, "CUSTOMER_ADMIN");
		this.employee = newUser(this.customer, "CUSTOMER_EMPLOYEE");
		this.otherCustomer = newCustomer();
		this.otherAdmin = newUser(this.otherCustomer, "CUSTOMER_ADMIN");
	}

	// POST /api/customers

	@Test
	void partnerAdminCreatesACustomer() {
		String identifier = unique("acme");
		Reply reply = this.partnerAdmin.post("/api/customers", Map.of("identifier", identifier, "displayName", "ACME"));
		assertStatus(reply, 201);
		assertThat(reply.json().get("identifier").asString()).isEqualTo(identifier);
		assertThat(reply.json().get("displayName").asString()).isEqualTo("ACME");
	}

	@Test
	void refusesRequestsWithoutCredentials() {
		Reply reply = Api.anonymous(this.port).post("/api/customers", Map.of("identifier", "x", "displayName", "X"));
		assertProblem(reply, 401);
		assertThat(reply.json().get("detail").asString()).contains("HTTP Basic");
	}

	@Test
	void keepsNoSessionBetweenApiRequests() throws Exception {
		// A client that keeps cookies: a signed-in request must not leave one that signs
		// in
		// the next request, which brings no credentials.
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		URI locations = URI.create("http://localhost:" + this.port + "/api/locations");
		String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin-password".getBytes());

		HttpResponse<String> signedIn = client
			.send(HttpRequest.newBuilder(locations).header("Authorization", basic).build(), BodyHandlers.ofString());
		HttpResponse<String> next = client.send(HttpRequest.newBuilder(locations).build(), BodyHandlers.ofString());

		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(next.statusCode()).isEqualTo(401);
		assertThat(next.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Bazaar\"");
		assertThat(next.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void refusesWrongCredentials() {
		assertProblem(Api.as(this.port, "admin", "wrong-password").get("/api/locations"), 401);
		assertProblem(Api.as(this.port, "nobody", "admin-password").get("/api/locations"), 401);
	}

	@Test
	void customerAdminsMayNotCreateCustomers() {
		assertProblem(this.customerAdmin.post("/api/customers", Map.of("identifier", unique("c"), "displayName", "C")),
				403);
	}

	@Test
	void refusesATakenCustomerIdentifier() {
		Reply reply = this.partnerAdmin.post("/api/customers",
				Map.of("identifier", this.customer, "displayName", "Again"));
		assertProblem(reply, 409);
		assertThat(reply.json().get("detail").asString()).contains(this.customer);
	}

	@Test
	void refusesAnIdentifierOfTheWrongFormAndSaysWhatIsAllowed() {
		Reply reply = this.partnerAdmin.post("/api/customers",
				Map.of("identifier", "ACME Corp!", "displayName", "ACME"));
		assertProblem(reply, 400);
		assertThat(reply.json().get("detail").asString()).contains("lowercase letters a-z, digits 0-9 and hyphens");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("identifier");
	}

	// GET /api/customers/{customer}

	@Test
	void showsACustomerToPartnerAdminsAndItsMembers() {
		for (Api user : new Api[] { this.partnerAdmin, this.customerAdmin, this.employee }) {
			Reply reply = user.get("/api/customers/" + this.customer);
			assertStatus(reply, 200);
			assertThat(reply.json().get("identifier").asString()).isEqualTo(this.customer);
		}
	}

	@Test
	void anotherCustomersDataIsNotFound() {
		String project = newProject(this.otherAdmin, this.otherCustomer);
		String base = "/api/customers/" + this.otherCustomer;
		assertProblem(this.customerAdmin.get(base), 404);
		assertProblem(this.employee.get(base), 404);
		assertProblem(this.customerAdmin.get(base + "/projects"), 404);
		assertProblem(this.customerAdmin.get(base + "/projects/" + project), 404);
		assertProblem(this.customerAdmin.get(base + "/projects/" + project + "/marketplaces"), 404);
		assertProblem(this.customerAdmin.put(base + "/projects/" + project + "/marketplaces/global", null), 404);
		assertProblem(this.customerAdmin.post(base + "/projects", Map.of("identifier", "p", "displayName", "P")), 404);
		assertProblem(this.customerAdmin.post(base + "/users", newUserBody(unique("u"), "CUSTOMER_ADMIN")), 404);
	}

	@Test
	void anUnknownCustomerIsNotFoundEvenForPartnerAdmins() {
		assertProblem(this.partnerAdmin.get("/api/customers/" + unique("nobody")), 404);
	}

	// POST /api/customers/{customer}/users

	@Test
	void partnerAdminsAndCustomerAdminsCreateUsers() {
		String username = unique("carol");
		Reply reply = this.customerAdmin.post(users(), newUserBody(username, "CUSTOMER_EMPLOYEE"));
		assertStatus(reply, 201);
		assertThat(reply.json().get("username").asString()).isEqualTo(username);
		assertThat(reply.json().get("role").asString()).isEqualTo("CUSTOMER_EMPLOYEE");
		assertThat(reply.json().get("customer").asString()).isEqualTo(this.customer);
		assertThat(reply.body()).doesNotContain("password");
		assertStatus(Api.as(this.port, username, "a-good-password").get("/api/customers/" + this.customer), 200);

		assertStatus(this.partnerAdmin.post(users(), newUserBody(unique("dave"), "CUSTOMER_ADMIN")), 201);
	}

	@Test
	void employeesMayNotCreateUsers() {
		assertProblem(this.employee.post(users(), newUserBody(unique("eve"), "CUSTOMER_ADMIN")), 403);
	}

	@Test
	void refusesATakenUsername() {
		String username = unique("frank");
		assertStatus(this.customerAdmin.post(users(), newUserBody(username, "CUSTOMER_EMPLOYEE")), 201);
		// Usernames are unique across all customers.
		Reply reply = this.otherAdmin.post("/api/customers/" + this.otherCustomer + "/users",
				newUserBody(username, "CUSTOMER_EMPLOYEE"));
		assertProblem(reply, 409);
		assertThat(reply.json().get("detail").asString()).contains(username);
	}

	@Test
	void refusesAUsernameWithAColonAndSaysWhy() {
		Reply reply = this.customerAdmin.post(users(), newUserBody("grace:hopper", "CUSTOMER_EMPLOYEE"));
		assertProblem(reply, 400);
		assertThat(reply.json().get("detail").asString()).contains("username").contains("colons");
	}

	@Test
	void refusesToCreateAnotherPartnerAdminForACustomer() {
		assertProblem(this.partnerAdmin.post(users(), newUserBody(unique("heidi"), "PARTNER_ADMIN")), 400);
	}

	@Test
	void refusesPasswordsTooShortOrTooLong() {
		Map<String, String> tooShort = Map.of("username", unique("ivan"), "password", "short", "role",
				"CUSTOMER_EMPLOYEE");
		assertThat(this.customerAdmin.post(users(), tooShort).json().get("detail").asString()).contains("at least 8");
		// bcrypt takes at most 72 bytes; more used to fail with 500.
		Map<String, String> tooLong = Map.of("username", unique("judy"), "password", "p".repeat(73), "role",
				"CUSTOMER_EMPLOYEE");
		Reply reply = this.customerAdmin.post(users(), tooLong);
		assertProblem(reply, 400);
		assertThat(reply.json().get("detail").asString()).contains("at most 72");
	}

	@Test
	void aTooLongPasswordAtSignInIsJustWrong() {
		assertProblem(Api.as(this.port, "admin", "p".repeat(100)).get("/api/locations"), 401);
	}

	// POST /api/locations, GET /api/locations

	@Test
	void partnerAdminCreatesALocation() {
		String identifier = unique("eu");
		Reply reply = this.partnerAdmin.post("/api/locations", Map.of("identifier", identifier, "displayName", "EU"));
		assertStatus(reply, 201);
		assertThat(reply.json().get("identifier").asString()).isEqualTo(identifier);
		assertThat(this.employee.get("/api/locations").json().findValuesAsString("identifier")).contains(identifier);
	}

	@Test
	void customerAdminsMayNotCreateLocations() {
		assertProblem(this.customerAdmin.post("/api/locations", Map.of("identifier", unique("l"), "displayName", "L")),
				403);
	}

	@Test
	void refusesATakenOrReservedLocationIdentifier() {
		assertProblem(this.partnerAdmin.post("/api/locations", Map.of("identifier", "global", "displayName", "G")),
				409);
		assertProblem(this.partnerAdmin.post("/api/locations", Map.of("identifier", "private", "displayName", "P")),
				400);
		assertProblem(this.partnerAdmin.post("/api/locations", Map.of("identifier", "-eu-", "displayName", "EU")), 400);
	}

	@Test
	void everyoneSignedInSeesTheGlobalLocation() {
		Reply reply = this.employee.get("/api/locations");
		assertStatus(reply, 200);
		assertThat(reply.json().findValuesAsString("identifier")).contains("global");
	}

	// POST /api/customers/{customer}/projects

	@Test
	void customerAdminsCreateProjects() {
		String identifier = unique("shop");
		Reply reply = this.customerAdmin.post(projects(), Map.of("identifier", identifier, "displayName", "Web shop"));
		assertStatus(reply, 201);
		assertThat(reply.json().get("identifier").asString()).isEqualTo(identifier);
		assertThat(reply.json().get("customer").asString()).isEqualTo(this.customer);
		assertThat(this.employee.get(projects()).json().findValuesAsString("identifier")).contains(identifier);
		assertThat(this.otherAdmin.get("/api/customers/" + this.otherCustomer + "/projects")
			.json()
			.findValuesAsString("identifier")).doesNotContain(identifier);
	}

	@Test
	void employeesAndPartnerAdminsMayNotCreateProjects() {
		assertProblem(this.employee.post(projects(), Map.of("identifier", "p", "displayName", "P")), 403);
		assertProblem(this.partnerAdmin.post(projects(), Map.of("identifier", "p", "displayName", "P")), 403);
	}

	@Test
	void refusesATakenProjectIdentifierButAllowsItForAnotherCustomer() {
		Map<String, String> project = Map.of("identifier", unique("shop"), "displayName", "Shop");
		assertStatus(this.customerAdmin.post(projects(), project), 201);
		assertProblem(this.customerAdmin.post(projects(), project), 409);
		assertStatus(this.otherAdmin.post("/api/customers/" + this.otherCustomer + "/projects", project), 201);
	}

	@Test
	void refusesAProjectIdentifierOfTheWrongForm() {
		Reply reply = this.customerAdmin.post(projects(), Map.of("identifier", "Shop_1", "displayName", "Shop"));
		assertProblem(reply, 400);
		assertThat(reply.json().get("detail").asString()).contains("lowercase letters a-z");
	}

	// PUT and GET .../projects/{project}/marketplaces

	@Test
	void addingGlobalIsIdempotent() {
		String marketplaces = marketplaces(newProject(this.customerAdmin, this.customer));
		assertStatus(this.customerAdmin.put(marketplaces + "/global", null), 204);
		assertStatus(this.customerAdmin.put(marketplaces + "/global", null), 204);
		Reply reply = this.employee.get(marketplaces);
		assertStatus(reply, 200);
		assertThat(reply.json().findValuesAsString("identifier")).containsExactly("global");
		assertThat(reply.json().get(0).get("type").asString()).isEqualTo("LOCATION");
	}

	@Test
	void refusesThePrivateMarketplaceBeforeTheCustomerHasOne() {
		String marketplaces = marketplaces(newProject(this.customerAdmin, this.customer));
		Reply reply = this.customerAdmin.put(marketplaces + "/private", null);
		assertProblem(reply, 404);
		assertThat(reply.json().get("detail").asString()).contains("no private marketplace yet")
			.contains("registers its first service broker");
	}

	@Test
	void addsThePrivateMarketplaceOnceTheCustomerHasOne() {
		// A customer of its own: the shared one has no private marketplace.
		String customer = newCustomer();
		Api admin = newUser(customer, "CUSTOMER_ADMIN");
		String marketplaces = "/api/customers/" + customer + "/projects/" + newProject(admin, customer)
				+ "/marketplaces";
		this.tenancy.enablePrivateMarketplace(this.repository.customerByIdentifier(customer).orElseThrow().id());
		assertStatus(admin.put(marketplaces + "/private", null), 204);
		Reply reply = admin.get(marketplaces);
		assertThat(reply.json().findValuesAsString("identifier")).containsExactly("private");
		assertThat(reply.json().get(0).get("type").asString()).isEqualTo("PRIVATE");
	}

	@Test
	void refusesAnUnknownMarketplace() {
		String marketplaces = marketplaces(newProject(this.customerAdmin, this.customer));
		Reply reply = this.customerAdmin.put(marketplaces + "/" + unique("mars"), null);
		assertProblem(reply, 404);
		assertThat(reply.json().get("detail").asString()).contains("'private' or the identifier of a location");
	}

	@Test
	void employeesMayNotAddMarketplaces() {
		String marketplaces = marketplaces(newProject(this.customerAdmin, this.customer));
		assertProblem(this.employee.put(marketplaces + "/global", null), 403);
	}

	@Test
	void anUnknownProjectIsNotFound() {
		assertProblem(this.customerAdmin.get(marketplaces("nope")), 404);
	}

	private String newCustomer() {
		String identifier = unique("customer");
		assertStatus(this.partnerAdmin.post("/api/customers", Map.of("identifier", identifier, "displayName", "C")),
				201);
		return identifier;
	}

	private Api newUser(String customer, String role) {
		String username = unique(role.toLowerCase());
		assertStatus(this.partnerAdmin.post("/api/customers/" + customer + "/users", newUserBody(username, role)), 201);
		return Api.as(this.port, username, "a-good-password");
	}

	private static String newProject(Api admin, String customer) {
		String identifier = unique("project");
		assertStatus(admin.post("/api/customers/" + customer + "/projects",
				Map.of("identifier", identifier, "displayName", "P")), 201);
		return identifier;
	}

	private static Map<String, String> newUserBody(String username, String role) {
		return Map.of("username", username, "password", "a-good-password", "role", role);
	}

	private String users() {
		return "/api/customers/" + this.customer + "/users";
	}

	private String projects() {
		return "/api/customers/" + this.customer + "/projects";
	}

	private String marketplaces(String project) {
		return projects() + "/" + project + "/marketplaces";
	}

	private static void assertStatus(Reply reply, int status) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
	}

	private static void assertProblem(Reply reply, int status) {
		assertStatus(reply, status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("status").asInt()).isEqualTo(status);
		assertThat(reply.json().get("detail").asString()).isNotBlank();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
