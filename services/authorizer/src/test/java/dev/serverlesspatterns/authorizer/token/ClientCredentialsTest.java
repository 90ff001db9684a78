package dev.serverlesspatterns.authorizer.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading the form and the client's credentials, without AWS. */
class ClientCredentialsTest {

    @ParameterizedTest
    @MethodSource("credentialsInTheRequest")
    void readsTheClientsCredentials(String form, String headerName, String headerValue, ClientCredentials expected) {
        // given
        APIGatewayProxyRequestEvent request = request(form, headerName, headerValue);

        // when
        ClientCredentials credentials = ClientCredentials.from(request, TokenRequest.from(request));

        // then
        assertThat(credentials).isEqualTo(expected);
    }

    static Stream<Arguments> credentialsInTheRequest() {
        return Stream.of(
                argumentSet(
                        "from HTTP Basic, whatever the header spelling",
                        "grant_type=client_credentials",
                        "authorization",
                        basic("shop-frontend:s3cr3t"),
                        new ClientCredentials("shop-frontend", "s3cr3t")),
                argumentSet(
                        "from HTTP Basic, keeping colons in the secret",
                        "grant_type=client_credentials",
                        "Authorization",
                        basic("shop:a:b"),
                        new ClientCredentials("shop", "a:b")),
                argumentSet(
                        "from the form, URL-decoded",
                        "grant_type=client_credentials&client_id=shop-frontend&client_secret=a%2Bb%3D",
                        null,
                        null,
                        new ClientCredentials("shop-frontend", "a+b=")));
    }

    @Test
    void acceptsAMatchingClientIdInTheFormNextToBasic() {
        // given
        APIGatewayProxyRequestEvent request =
                request("grant_type=client_credentials&client_id=shop", "Authorization", basic("shop:s3cr3t"));

        // when
        ClientCredentials credentials = ClientCredentials.from(request, TokenRequest.from(request));

        // then
        assertThat(credentials.clientId()).isEqualTo("shop");
    }

    @ParameterizedTest
    @MethodSource("credentialsToRefuse")
    void refusesCredentialsItCannotTrust(String form, String headerName, String headerValue, String error) {
        // given
        APIGatewayProxyRequestEvent request = request(form, headerName, headerValue);

        // when / then
        assertError(() -> ClientCredentials.from(request, TokenRequest.from(request)), error);
    }

    static Stream<Arguments> credentialsToRefuse() {
        return Stream.of(
                argumentSet(
                        "a client id in the form that differs from Basic",
                        "grant_type=client_credentials&client_id=other",
                        "Authorization",
                        basic("shop:s3cr3t"),
                        "invalid_request"),
                argumentSet(
                        "an Authorization header that is not Basic",
                        "grant_type=client_credentials",
                        "Authorization",
                        "Bearer abc",
                        "invalid_client"),
                argumentSet(
                        "Basic credentials that are not Base64",
                        "grant_type=client_credentials",
                        "Authorization",
                        "Basic %%%",
                        "invalid_client"),
                argumentSet(
                        "Basic credentials without a colon",
                        "grant_type=client_credentials",
                        "Authorization",
                        basic("shop"),
                        "invalid_client"),
                argumentSet(
                        "a form without the secret",
                        "grant_type=client_credentials&client_id=shop",
                        null,
                        null,
                        "invalid_client"));
    }

    @Test
    void refusesBadlyEncodedForms() {
        // given
        APIGatewayProxyRequestEvent request = request("grant_type=client_credentials&scope=%zz");

        // when / then
        assertError(() -> TokenRequest.from(request), "invalid_request");
    }

    @Test
    void treatsAParameterWithoutValueAsOmitted() {
        // given
        APIGatewayProxyRequestEvent request = request("grant_type=client_credentials&scope=");

        // when
        TokenRequest form = TokenRequest.from(request);

        // then
        assertThat(form.get("scope")).isNull();
        assertThat(form.get("grant_type")).isEqualTo("client_credentials");
    }

    private static APIGatewayProxyRequestEvent request(String body) {
        return request(body, null, null);
    }

    private static APIGatewayProxyRequestEvent request(String body, String headerName, String headerValue) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        if (headerName != null) {
            headers.put(headerName, headerValue);
        }
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/oauth/token")
                .withHeaders(headers)
                .withBody(body);
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(Runnable action, String error) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        OAuthError.class, refused -> assertThat(refused.error()).isEqualTo(error));
    }
}
