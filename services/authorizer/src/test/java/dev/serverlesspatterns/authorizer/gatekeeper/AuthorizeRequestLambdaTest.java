package dev.serverlesspatterns.authorizer.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.serverlesspatterns.authorizer.AccessTokens;
import dev.serverlesspatterns.authorizer.AuthorizerExtension;
import dev.serverlesspatterns.authorizer.Events;
import dev.serverlesspatterns.authorizer.Functions;
import dev.serverlesspatterns.authorizer.Policy;
import dev.serverlesspatterns.authorizer.UsersTable;
import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The TOKEN authorizer through the real FunctionInvoker, as API Gateway calls it. */
@ExtendWith({LocalAwsExtension.class, AuthorizerExtension.class})
class AuthorizeRequestLambdaTest {

    private static final String STAGE_WILDCARD = "arn:aws:execute-api:us-east-1:000000000000:abc123/v1/*/*";

    private Functions functions;
    private UsersTable users;
    private String signingSecret;

    @BeforeEach
    void setUp(Functions functions, UsersTable users, ProvisionedStack stack) {
        this.functions = functions;
        this.users = users;
        this.signingSecret = stack.secretString("JwtSigningSecret");
    }

    @Test
    void allowsValidTokenOverTheWholeStageWithTheUsersScopes() {
        // given
        String userId = users.newActiveUser("orders:read", "orders:write");
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.validClaims(userId)
                        .claim("scope", "orders:read orders:write")
                        .build());

        // when
        Policy policy = functions.authorize("Bearer " + token);

        // then
        assertThat(policy.json().has("statusCode"))
                .as("not wrapped as an HTTP response")
                .isFalse();
        assertThat(policy.principalId()).isEqualTo(userId);
        assertThat(policy.document().path("Version").asString()).isEqualTo("2012-10-17");
        // the stage-wide Allow, and a Deny of the one route without a function, whose scope the user lacks
        assertThat(policy.document().path("Statement").size()).isEqualTo(2);
        JsonNode denied = policy.document().path("Statement").get(1);
        assertThat(denied.path("Effect").asString()).isEqualTo("Deny");
        JsonNode deniedResource = denied.path("Resource");
        assertThat(deniedResource.isArray() ? deniedResource.get(0).asString() : deniedResource.asString())
                .isEqualTo(STAGE_WILDCARD.replace("/*/*", "/POST/delivery-addresses"));
        assertThat(policy.effect()).isEqualTo("Allow");
        assertThat(policy.statement().path("Action").asString()).isEqualTo("execute-api:Invoke");
        assertThat(policy.resource()).isEqualTo(STAGE_WILDCARD);
        assertThat(policy.statement().path("Condition").isNull())
                .as("API Gateway refuses a null Condition")
                .isFalse();
        assertThat(policy.context().path("principalId").asString()).isEqualTo(userId);
        assertThat(policy.scopes()).isEqualTo("orders:read orders:write");
    }

    @Test
    void policyCachedForOneRouteAlsoAllowsTheNextRoute() {
        // given a decision made for GET /orders, which API Gateway caches for the token
        String userId = users.newActiveUser("orders:read");

        // when
        Policy policy = functions.authorize(bearerTokenOf(userId));

        // then the same cached policy also covers other methods and deeper paths of the stage
        String resource = policy.resource();
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:us-east-1:000000000000:abc123/v1/DELETE/orders/42"))
                .isTrue();
        assertThat(IamResource.matches(
                        resource, "arn:aws:execute-api:us-east-1:000000000000:abc123/v1/POST/admin/users/u1/scopes"))
                .isTrue();
        assertThat(IamResource.matches(resource, "arn:aws:execute-api:us-east-1:000000000000:abc123/v2/GET/orders"))
                .as("another stage")
                .isFalse();
    }

    @Test
    void revokedScopeIsGoneFromTheNextDecision() {
        // given
        String userId = users.newActiveUser("orders:read", "orders:write");
        String authorization = bearerTokenOf(userId);
        assertThat(functions.authorize(authorization).scopes()).isEqualTo("orders:read orders:write");

        // when the admin revokes a scope after the token was issued
        assertThat(functions.revokeScope(userId, "orders:write").statusCode()).isEqualTo(200);
        Policy policy = functions.authorize(authorization);

        // then
        assertThat(policy.scopes()).isEqualTo("orders:read");
    }

    @Test
    void narrowsScopesToThoseTheTokenWasIssuedFor() {
        // given a user holding two scopes and a token asked for with one
        String userId = users.newActiveUser("orders:read", "orders:write");
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.validClaims(userId).claim("scope", "orders:read").build());

        // when
        Policy policy = functions.authorize("Bearer " + token);

        // then
        assertThat(policy.scopes()).isEqualTo("orders:read");
    }

    @Test
    void deniesValidTokenOfUnknownUser() {
        // given
        String authorization = bearerTokenOf(UsersTable.newUserId());

        // when
        Policy policy = functions.authorize(authorization);

        // then
        assertDenied(policy);
    }

    @Test
    void deniesValidTokenOfDisabledUser() {
        // given
        String userId = users.newUser("DISABLED", "orders:read");

        // when
        Policy policy = functions.authorize(bearerTokenOf(userId));

        // then
        assertDenied(policy);
    }

    @Test
    void allowsBootstrapAdminTokenAlthoughTheAdminHasNoRow() {
        // given a token like the token endpoint issues to the bootstrap admin
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.bootstrapAdminClaims("admin").build());

        // when
        Policy policy = functions.authorize("Bearer " + token);

        // then
        assertThat(policy.effect()).isEqualTo("Allow");
        assertThat(policy.context().path("principalId").asString()).isEqualTo("admin");
        assertThat(policy.scopes()).isEqualTo("admin");
    }

    @Test
    void bootstrapAdminTokenNeverCarriesMoreThanTheAdminScope() {
        // given
        String token = AccessTokens.hs256(
                signingSecret,
                AccessTokens.bootstrapAdminClaims("admin orders:write").build());

        // when
        Policy policy = functions.authorize("Bearer " + token);

        // then
        assertThat(policy.scopes()).isEqualTo("admin");
    }

    @Test
    void allowsRs256TokenOfTrustedExternalIssuer() {
        // given
        String userId = users.newActiveUser("orders:read");
        String token = AccessTokens.rs256(
                AccessTokens.externalIssuerKey(),
                AccessTokens.validClaims(userId).build());

        // when
        Policy policy = functions.authorize("Bearer " + token);

        // then
        assertThat(policy.effect()).isEqualTo("Allow");
        assertThat(policy.scopes()).isEqualTo("orders:read");
    }

    @Test
    void externalTokenClaimingToBeTheBootstrapAdminIsTreatedAsAnyUser() {
        // given an RS256 token with the admin marker: only this service may issue admin tokens
        String token = AccessTokens.rs256(
                AccessTokens.externalIssuerKey(),
                AccessTokens.bootstrapAdminClaims("admin").build());

        // when
        Policy policy = functions.authorize("Bearer " + token);

        // then there is no user "admin" in the table
        assertDenied(policy);
    }

    @Test
    void rejectsRequestWithoutToken() {
        // given
        ObjectNode event = Fixtures.event("gatekeeper/authorize-request.json");
        event.remove("authorizationToken");

        // when / then
        assertUnauthorized(event);
    }

    @Test
    void rejectsTokenWithoutBearerScheme() {
        // given
        String userId = users.newActiveUser("orders:read");
        String token = AccessTokens.hs256(
                signingSecret, AccessTokens.validClaims(userId).build());

        // when / then
        assertUnauthorized("Token " + token);
    }

    @Test
    void rejectsMalformedToken() {
        // when / then
        assertUnauthorized("Bearer not-a.jwt.at-all");
    }

    @ParameterizedTest
    @MethodSource("untrustedSignatures")
    void rejectsTokenWithoutATrustedSignature(Signature signature) throws JOSEException {
        // given
        String userId = users.newActiveUser("orders:read");
        String token = signature.sign(AccessTokens.validClaims(userId).build(), signingSecret);

        // when / then
        assertUnauthorized("Bearer " + token);
    }

    static Stream<Arguments> untrustedSignatures() {
        return Stream.of(
                signature("unsigned, alg none", (claims, signingSecret) -> AccessTokens.unsigned(claims)),
                signature(
                        "signed with another key",
                        (claims, signingSecret) ->
                                AccessTokens.hs256("another-secret-that-is-long-enough-for-hs256-0123456789", claims)),
                signature(
                        "signed with an untrusted RSA key under a trusted kid",
                        (claims, signingSecret) -> AccessTokens.rs256(
                                new RSAKeyGenerator(2048)
                                        .keyID(AccessTokens.EXTERNAL_KEY_ID)
                                        .generate(),
                                claims)),
                signature(
                        "signed with the right secret, but HS512: neither HS256 nor RS256",
                        (claims, signingSecret) -> AccessTokens.hmac(
                                JWSAlgorithm.HS512,
                                (signingSecret + signingSecret).getBytes(StandardCharsets.UTF_8),
                                claims)));
    }

    @ParameterizedTest
    @MethodSource("claimsThatDoNotHold")
    void rejectsTokenWhoseClaimsDoNotHold(UnaryOperator<JWTClaimsSet.Builder> change) {
        // given
        String userId = users.newActiveUser("orders:read");
        JWTClaimsSet claims = change.apply(AccessTokens.validClaims(userId)).build();

        // when / then
        assertUnauthorized("Bearer " + AccessTokens.hs256(signingSecret, claims));
    }

    static Stream<Arguments> claimsThatDoNotHold() {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return Stream.of(
                claims(
                        "expired",
                        claims -> claims.issueTime(Date.from(issued))
                                .expirationTime(Date.from(issued.plus(Duration.ofHours(1))))),
                claims("of another issuer", claims -> claims.issuer("https://evil.example")),
                claims("for another audience", claims -> claims.audience("another-api")));
    }

    /** A valid HS256 token of the user, as an Authorization header value. */
    private String bearerTokenOf(String userId) {
        return "Bearer "
                + AccessTokens.hs256(
                        signingSecret, AccessTokens.validClaims(userId).build());
    }

    private void assertUnauthorized(String authorizationToken) {
        assertUnauthorized(Events.authorizeRequest(authorizationToken));
    }

    private void assertUnauthorized(ObjectNode event) {
        assertThatThrownBy(() -> functions.authorize(event))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessage("Unauthorized");
    }

    private static void assertDenied(Policy policy) {
        assertThat(policy.effect()).isEqualTo("Deny");
        assertThat(policy.resource()).isEqualTo(STAGE_WILDCARD);
        assertThat(policy.context().path("scopes").isMissingNode()).isTrue();
    }

    /** Signs a token's claims some way the authorizer must not trust; may use the real signing secret. */
    @FunctionalInterface
    interface Signature {
        String sign(JWTClaimsSet claims, String signingSecret) throws JOSEException;
    }

    private static Arguments signature(String name, Signature signature) {
        return Arguments.argumentSet(name, signature);
    }

    private static Arguments claims(String name, UnaryOperator<JWTClaimsSet.Builder> change) {
        return Arguments.argumentSet(name, change);
    }
}
