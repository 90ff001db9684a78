package dev.serverlesspatterns.authorizer.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.serverlesspatterns.authorizer.AccessTokens;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The client-credentials token endpoint through the real FunctionInvoker. */
@ExtendWith(LocalAwsExtension.class)
class IssueTokenLambdaTest {

    private static final String FUNCTION = "IssueTokenFunction";

    private LambdaHarness lambda;
    private String signingSecret;
    private JsonNode adminCredentials;

    @BeforeEach
    void setUp(LambdaHarness lambda, ProvisionedStack stack) {
        this.lambda = lambda;
        this.signingSecret = stack.secretString("JwtSigningSecret");
        this.adminCredentials = Events.parse(stack.secretString("AdminClientSecret"));
    }

    @Test
    void issuesTokenToRegisteredClientAuthenticatedWithBasic() throws Exception {
        // given
        Client client = registerClient("orders:read", "orders:write");

        // when
        JsonNode response = requestToken(basic(client.id(), client.secret()), "grant_type=client_credentials");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("Cache-Control").asString()).isEqualTo("no-store");
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.path("scope").asString()).isEqualTo("orders:read orders:write");

        SignedJWT token = SignedJWT.parse(body.path("access_token").asString());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(token.verify(new MACVerifier(signingSecret.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(AccessTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(AccessTokens.AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo(client.id());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders:read orders:write");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(3_600_000L);
    }

    @Test
    void issuesTokenToClientAuthenticatedWithFormFields() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response = requestToken(
                null, "grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.secret());

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.parse(response.path("body").asString()).path("scope").asString())
                .isEqualTo("orders:read");
    }

    @Test
    void issuesTokenNarrowedToTheRequestedScopes() {
        // given
        Client client = registerClient("orders:read", "orders:write");

        // when
        JsonNode response =
                requestToken(basic(client.id(), client.secret()), "grant_type=client_credentials&scope=orders%3Aread");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Events.parse(response.path("body").asString()).path("scope").asString())
                .isEqualTo("orders:read");
    }

    @Test
    void tokenFromTheEndpointPassesTheAuthorizer() {
        // given
        Client client = registerClient("orders:read");
        String accessToken = Events.parse(
                        requestToken(basic(client.id(), client.secret()), "grant_type=client_credentials")
                                .path("body")
                                .asString())
                .path("access_token")
                .asString();

        // when
        ObjectNode event = Events.load("gatekeeper/authorize-request.json");
        event.put("authorizationToken", "Bearer " + accessToken);
        JsonNode policy = Events.parse(lambda.invoke("AuthorizeRequestFunction", Events.json(event)));

        // then
        assertThat(policy.path("principalId").asString()).isEqualTo(client.id());
        assertThat(policy.path("policyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Effect")
                        .asString())
                .isEqualTo("Allow");
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("orders:read");
    }

    @Test
    void issuesAdminScopeToTheBootstrapAdminWhoseTokenPassesTheAuthorizer() {
        // given the credentials generated into the AdminClientSecret
        String clientId = adminCredentials.path("clientId").asString();
        String clientSecret = adminCredentials.path("clientSecret").asString();

        // when
        JsonNode response = requestToken(basic(clientId, clientSecret), "grant_type=client_credentials");

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("scope").asString()).isEqualTo("admin");
        ObjectNode event = Events.load("gatekeeper/authorize-request.json");
        event.put("authorizationToken", "Bearer " + body.path("access_token").asString());
        JsonNode policy = Events.parse(lambda.invoke("AuthorizeRequestFunction", Events.json(event)));
        assertThat(policy.path("policyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Effect")
                        .asString())
                .isEqualTo("Allow");
        assertThat(policy.path("context").path("scopes").asString()).isEqualTo("admin");
    }

    @Test
    void refusesBootstrapAdminWithAWrongSecret() {
        // when
        JsonNode response = requestToken(
                basic(adminCredentials.path("clientId").asString(), "not-the-admin-secret"),
                "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesWrongSecretWithInvalidClient() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response = requestToken(basic(client.id(), client.secret() + "x"), "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesUnknownClientWithInvalidClient() {
        // when
        JsonNode response = requestToken(basic(UsersTable.newUserId(), "whatever"), "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesDisabledClientWithInvalidClient() {
        // given
        Client client = registerClient("orders:read");
        ObjectNode disable = Events.load("users/disable-user.json");
        Events.withPathParameter(disable, "userId", client.id());
        assertThat(Events.parse(lambda.invoke("DisableUserFunction", Events.json(disable)))
                        .path("statusCode")
                        .asInt())
                .isEqualTo(200);

        // when
        JsonNode response = requestToken(basic(client.id(), client.secret()), "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesRequestWithoutClientAuthentication() {
        // when
        JsonNode response = requestToken(null, "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesScopeTheClientDoesNotHold() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response = requestToken(
                basic(client.id(), client.secret()), "grant_type=client_credentials&scope=orders%3Aread+admin");

        // then
        assertOAuthError(response, 400, "invalid_scope");
    }

    @Test
    void refusesAnotherGrantType() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response =
                requestToken(basic(client.id(), client.secret()), "grant_type=password&username=a&password=b");

        // then
        assertOAuthError(response, 400, "unsupported_grant_type");
    }

    @Test
    void refusesRequestWithoutGrantType() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response = requestToken(basic(client.id(), client.secret()), "scope=orders%3Aread");

        // then
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void refusesJsonBody() {
        // given
        Client client = registerClient("orders:read");
        ObjectNode event = tokenRequest(basic(client.id(), client.secret()), "{\"grant_type\":\"client_credentials\"}");
        Events.withHeader(event, "Content-Type", "application/json");

        // when
        JsonNode response = Events.parse(lambda.invoke(FUNCTION, Events.json(event)));

        // then
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void refusesTwoAuthenticationMethodsAtOnce() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response = requestToken(
                basic(client.id(), client.secret()),
                "grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.secret());

        // then
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void refusesRepeatedParameters() {
        // given
        Client client = registerClient("orders:read");

        // when
        JsonNode response = requestToken(
                basic(client.id(), client.secret()), "grant_type=client_credentials&grant_type=client_credentials");

        // then
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void readsBase64EncodedBodies() {
        // given API Gateway hands over some bodies base64-encoded
        Client client = registerClient("orders:read");
        ObjectNode event = tokenRequest(
                basic(client.id(), client.secret()),
                Base64.getEncoder().encodeToString("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);

        // when
        JsonNode response = Events.parse(lambda.invoke(FUNCTION, Events.json(event)));

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    }

    private Client registerClient(String... scopes) {
        String userId = UsersTable.newUserId();
        ObjectNode create = Events.load("users/create-user.json");
        create.put("body", Events.json(Map.of("userId", userId, "scopes", List.of(scopes))));
        JsonNode response = Events.parse(lambda.invoke("CreateUserFunction", Events.json(create)));
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        return new Client(
                userId,
                Events.parse(response.path("body").asString())
                        .path("clientSecret")
                        .asString());
    }

    private JsonNode requestToken(String authorization, String formBody) {
        return Events.parse(lambda.invoke(FUNCTION, Events.json(tokenRequest(authorization, formBody))));
    }

    private static ObjectNode tokenRequest(String authorization, String body) {
        ObjectNode event = Events.load("token/issue-token.json");
        if (authorization != null) {
            Events.withHeader(event, "Authorization", authorization);
        }
        event.put("body", body);
        return event;
    }

    private static String basic(String clientId, String clientSecret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidClient(JsonNode response) {
        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.path("headers").path("WWW-Authenticate").asString()).startsWith("Basic");
    }

    private static void assertOAuthError(JsonNode response, int status, String error) {
        assertThat(response.path("statusCode").asInt()).isEqualTo(status);
        assertThat(response.path("headers").path("Cache-Control").asString()).isEqualTo("no-store");
        JsonNode body = Events.parse(response.path("body").asString());
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.has("access_token")).isFalse();
    }

    private record Client(String id, String secret) {}
}
