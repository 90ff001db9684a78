package dev.serverlesspatterns.authorizer.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.serverlesspatterns.authorizer.AccessTokens;
import dev.serverlesspatterns.authorizer.AuthorizerExtension;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.Functions;
import dev.serverlesspatterns.authorizer.Policy;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The client-credentials token endpoint through the real FunctionInvoker. */
@ExtendWith({LocalAwsExtension.class, AuthorizerExtension.class})
class IssueTokenLambdaTest {

    private Functions functions;
    private String signingSecret;
    private JsonNode adminCredentials;

    @BeforeEach
    void setUp(Functions functions, ProvisionedStack stack) {
        this.functions = functions;
        this.signingSecret = stack.secretString("JwtSigningSecret");
        this.adminCredentials = Events.parse(stack.secretString("AdminClientSecret"));
    }

    @Test
    void issuesTokenToRegisteredClientAuthenticatedWithBasic() throws Exception {
        // given
        Client client = registerClient("orders:read", "orders:write");

        // when
        ProxyResponse response = functions.issueToken(client.basic(), "grant_type=client_credentials");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
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
        ProxyResponse response = functions.issueToken(
                null, "grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.secret());

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("scope").asString()).isEqualTo("orders:read");
    }

    @Test
    void issuesTokenNarrowedToTheRequestedScopes() {
        // given
        Client client = registerClient("orders:read", "orders:write");

        // when
        ProxyResponse response =
                functions.issueToken(client.basic(), "grant_type=client_credentials&scope=orders%3Aread");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.json().path("scope").asString()).isEqualTo("orders:read");
    }

    @Test
    void tokenFromTheEndpointPassesTheAuthorizer() {
        // given
        Client client = registerClient("orders:read");
        String accessToken = functions
                .issueToken(client.basic(), "grant_type=client_credentials")
                .json()
                .path("access_token")
                .asString();

        // when
        Policy policy = functions.authorize("Bearer " + accessToken);

        // then
        assertThat(policy.principalId()).isEqualTo(client.id());
        assertThat(policy.effect()).isEqualTo("Allow");
        assertThat(policy.scopes()).isEqualTo("orders:read");
    }

    @Test
    void issuesAdminScopeToTheBootstrapAdminWhoseTokenPassesTheAuthorizer() {
        // given the credentials generated into the AdminClientSecret
        String clientId = adminCredentials.path("clientId").asString();
        String clientSecret = adminCredentials.path("clientSecret").asString();

        // when
        ProxyResponse response = functions.issueToken(basic(clientId, clientSecret), "grant_type=client_credentials");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("scope").asString()).isEqualTo("admin");
        Policy policy =
                functions.authorize("Bearer " + body.path("access_token").asString());
        assertThat(policy.effect()).isEqualTo("Allow");
        assertThat(policy.scopes()).isEqualTo("admin");
    }

    @Test
    void refusesBootstrapAdminWithAWrongSecret() {
        // when
        ProxyResponse response = functions.issueToken(
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
        ProxyResponse response =
                functions.issueToken(basic(client.id(), client.secret() + "x"), "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesUnknownClientWithInvalidClient() {
        // when
        ProxyResponse response =
                functions.issueToken(basic(UsersTable.newUserId(), "whatever"), "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesDisabledClientWithInvalidClient() {
        // given
        Client client = registerClient("orders:read");
        assertThat(functions.disableUser(client.id()).statusCode()).isEqualTo(200);

        // when
        ProxyResponse response = functions.issueToken(client.basic(), "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @Test
    void refusesRequestWithoutClientAuthentication() {
        // when
        ProxyResponse response = functions.issueToken(null, "grant_type=client_credentials");

        // then
        assertInvalidClient(response);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            refuses a scope the client does not hold | grant_type=client_credentials&scope=orders%3Aread+admin     | invalid_scope
            refuses another grant type               | grant_type=password&username=a&password=b                   | unsupported_grant_type
            refuses a request without grant type     | scope=orders%3Aread                                         | invalid_request
            refuses repeated parameters              | grant_type=client_credentials&grant_type=client_credentials | invalid_request
            """)
    void refusesFormItCannotGrant(String behaviour, String form, String error) {
        // given
        Client client = registerClient("orders:read");

        // when
        ProxyResponse response = functions.issueToken(client.basic(), form);

        // then
        assertOAuthError(response, 400, error);
    }

    @Test
    void refusesJsonBody() {
        // given
        Client client = registerClient("orders:read");
        ApiEvent event = Events.issueToken(client.basic(), "{\"grant_type\":\"client_credentials\"}")
                .header("Content-Type", "application/json");

        // when
        ProxyResponse response = functions.issueToken(event);

        // then
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void refusesTwoAuthenticationMethodsAtOnce() {
        // given
        Client client = registerClient("orders:read");

        // when
        ProxyResponse response = functions.issueToken(
                client.basic(),
                "grant_type=client_credentials&client_id=" + client.id() + "&client_secret=" + client.secret());

        // then
        assertOAuthError(response, 400, "invalid_request");
    }

    @Test
    void readsBase64EncodedBodies() {
        // given API Gateway hands over some bodies base64-encoded
        Client client = registerClient("orders:read");
        ApiEvent event = Events.issueToken(
                        client.basic(),
                        Base64.getEncoder()
                                .encodeToString("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8)))
                .base64Encoded();

        // when
        ProxyResponse response = functions.issueToken(event);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private Client registerClient(String... scopes) {
        String userId = UsersTable.newUserId();
        ProxyResponse response = functions.createUser(userId, scopes);
        assertThat(response.statusCode()).isEqualTo(201);
        return new Client(userId, response.json().path("clientSecret").asString());
    }

    private static String basic(String clientId, String clientSecret) {
        return "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidClient(ProxyResponse response) {
        assertOAuthError(response, 401, "invalid_client");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    private static void assertOAuthError(ProxyResponse response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
        assertThat(body.path("error").asString()).isEqualTo(error);
        assertThat(body.has("access_token")).isFalse();
    }

    private record Client(String id, String secret) {

        /** Its credentials as an HTTP Basic Authorization header value. */
        String basic() {
            return IssueTokenLambdaTest.basic(id, secret);
        }
    }
}
