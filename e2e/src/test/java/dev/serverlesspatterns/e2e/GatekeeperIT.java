package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gatekeeper: the TOKEN authorizer in front of the shop API, through the gateway as clients see it. */
@ExtendWith(LocalSuiteExtension.class)
class GatekeeperIT {

    private static final String AUTHORIZER = "AuthorizeRequestFunction";
    private static final String BACKEND = "ListOrdersFunction";

    private LocalSuite suite;
    private ShopApi api;
    private Identities identities;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.identities = new Identities(api, suite);
    }

    @Test
    void oneTokenOpensTwoRoutesWithinTheTtlWithASingleAuthorizerRun() {
        // given a customer's fresh token
        String token = identities.token(identities.newUser("orders:read", "orders:write"));
        int authorizerRuns = suite.invocations().count(AUTHORIZER);

        // when the token is used on two different routes
        ShopApi.Response list = api.request("GET", "/orders").bearer(token).send();
        ShopApi.Response missing =
                api.request("GET", "/orders/" + UUID.randomUUID()).bearer(token).send();

        // then both reached their function and the authorizer ran once: its cached policy covers the whole stage
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(suite.invocations().count(AUTHORIZER) - authorizerRuns).isEqualTo(1);
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of(
                        "missing header", 401, "UNAUTHENTICATED", (Function<Identities, String>) identities -> null),
                Arguments.of(
                        "not a JWT", 401, "UNAUTHENTICATED", (Function<Identities, String>) identities -> "not-a-jwt"),
                Arguments.of("alg none", 401, "UNAUTHENTICATED", (Function<Identities, String>)
                        identities -> identities.unsignedToken("alice")),
                Arguments.of("signed with another key", 401, "UNAUTHENTICATED", (Function<Identities, String>)
                        identities -> identities.forgedToken(
                                "alice",
                                Map.of(),
                                "another-key-another-key-another-key-1234".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("expired", 401, "UNAUTHENTICATED", (Function<Identities, String>) identities ->
                        identities.forgedToken(
                                "alice",
                                Map.of("exp", Date.from(Instant.now().minusSeconds(60))),
                                identities.signingKey())),
                Arguments.of("wrong issuer", 401, "UNAUTHENTICATED", (Function<Identities, String>)
                        identities -> identities.forgedToken(
                                "alice", Map.of("iss", "https://evil.example"), identities.signingKey())),
                Arguments.of("wrong audience", 401, "UNAUTHENTICATED", (Function<Identities, String>) identities ->
                        identities.forgedToken("alice", Map.of("aud", "another-api"), identities.signingKey())),
                Arguments.of("unknown user", 403, "ACCESS_DENIED", (Function<Identities, String>) identities ->
                        identities.forgedToken("nobody-" + UUID.randomUUID(), Map.of(), identities.signingKey())));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("refusedTokens")
    void refusesEveryBadTokenBeforeTheBackend(
            String kind, int expectedStatus, String expectedCode, Function<Identities, String> tokenOf) {
        // given a bad token of one kind
        String token = tokenOf.apply(identities);
        int backendRuns = suite.invocations().count(BACKEND);

        // when it is presented to a protected route
        ShopApi.Request request = api.request("GET", "/orders");
        ShopApi.Response response = (token == null ? request : request.bearer(token)).send();

        // then the gateway refuses it with a machine-readable body and the backend saw nothing
        assertThat(response.status()).as(kind + ": " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.json().get("code").asString()).as(kind).isEqualTo(expectedCode);
        assertThat(suite.invocations().count(BACKEND)).isEqualTo(backendRuns);
    }

    @Test
    void aDisabledUserIsRefusedOnceTheCachedDecisionExpires() {
        // given a user whose token works
        Identities.Client client = identities.newUser("orders:read");
        String token = identities.token(client);
        assertThat(api.request("GET", "/orders").bearer(token).send().status()).isEqualTo(200);

        // when an admin disables the user
        ShopApi.Response disabled = api.request("POST", "/admin/users/" + client.id() + "/disable")
                .bearer(identities.adminToken())
                .send();
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

        // then, once the authorizer's result TTL has passed, the same token is denied
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    ShopApi.Response denied =
                            api.request("GET", "/orders").bearer(token).send();
                    assertThat(denied.status()).isEqualTo(403);
                    assertThat(denied.json().get("code").asString()).isEqualTo("ACCESS_DENIED");
                });
    }

    @Test
    void theAdminApiRefusesCustomers() {
        // given a customer token without the admin scope
        String token = identities.token(identities.newUser("orders:read", "orders:write"));

        // when the customer tries to create a user
        ShopApi.Response response = api.request("POST", "/admin/users")
                .bearer(token)
                .json("{\"userId\":\"mallory\",\"scopes\":[\"admin\"]}")
                .send();

        // then the admin API forbids it
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theTokenEndpointRefusesAWrongSecret() {
        // given a registered client
        Identities.Client client = identities.newUser("orders:read");

        // when it asks for a token with a wrong secret
        ShopApi.Response response = api.request("POST", "/oauth/token")
                .basicAuth(client.id(), "wrong-" + client.secret())
                .form("grant_type=client_credentials")
                .send();

        // then no token is issued
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_client");
    }
}
