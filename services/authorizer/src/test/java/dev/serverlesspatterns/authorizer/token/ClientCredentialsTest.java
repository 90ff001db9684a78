package dev.serverlesspatterns.authorizer.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the form and the client's credentials, without AWS. */
class ClientCredentialsTest {

    @Test
    void readsHttpBasicCredentialsWhateverTheHeaderSpelling() {
        // given
        APIGatewayProxyRequestEvent request =
                request("grant_type=client_credentials", "authorization", basic("shop-frontend:s3cr3t"));

        // when
        ClientCredentials credentials = ClientCredentials.from(request, TokenRequest.from(request));

        // then
        assertThat(credentials).isEqualTo(new ClientCredentials("shop-frontend", "s3cr3t"));
    }

    @Test
    void keepsColonsInTheSecret() {
        // given
        APIGatewayProxyRequestEvent request =
                request("grant_type=client_credentials", "Authorization", basic("shop:a:b"));

        // when
        ClientCredentials credentials = ClientCredentials.from(request, TokenRequest.from(request));

        // then
        assertThat(credentials).isEqualTo(new ClientCredentials("shop", "a:b"));
    }

    @Test
    void readsFormCredentialsUrlDecoded() {
        // given
        APIGatewayProxyRequestEvent request =
                request("grant_type=client_credentials&client_id=shop-frontend&client_secret=a%2Bb%3D", null, null);

        // when
        ClientCredentials credentials = ClientCredentials.from(request, TokenRequest.from(request));

        // then
        assertThat(credentials).isEqualTo(new ClientCredentials("shop-frontend", "a+b="));
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

    @Test
    void refusesAClientIdInTheFormThatDiffersFromBasic() {
        // given
        APIGatewayProxyRequestEvent request =
                request("grant_type=client_credentials&client_id=other", "Authorization", basic("shop:s3cr3t"));

        // when / then
        assertError(() -> ClientCredentials.from(request, TokenRequest.from(request)), "invalid_request");
    }

    @Test
    void refusesAnAuthorizationHeaderThatIsNotBasic() {
        // given
        APIGatewayProxyRequestEvent request = request("grant_type=client_credentials", "Authorization", "Bearer abc");

        // when / then
        assertError(() -> ClientCredentials.from(request, TokenRequest.from(request)), "invalid_client");
    }

    @Test
    void refusesBasicCredentialsThatAreNotBase64OrHaveNoColon() {
        // given
        APIGatewayProxyRequestEvent notBase64 = request("grant_type=client_credentials", "Authorization", "Basic %%%");
        APIGatewayProxyRequestEvent noColon = request("grant_type=client_credentials", "Authorization", basic("shop"));

        // when / then
        assertError(() -> ClientCredentials.from(notBase64, TokenRequest.from(notBase64)), "invalid_client");
        assertError(() -> ClientCredentials.from(noColon, TokenRequest.from(noColon)), "invalid_client");
    }

    @Test
    void refusesAFormWithoutTheSecret() {
        // given
        APIGatewayProxyRequestEvent request = request("grant_type=client_credentials&client_id=shop", null, null);

        // when / then
        assertError(() -> ClientCredentials.from(request, TokenRequest.from(request)), "invalid_client");
    }

    @Test
    void refusesBadlyEncodedForms() {
        // given
        APIGatewayProxyRequestEvent request = request("grant_type=client_credentials&scope=%zz", null, null);

        // when / then
        assertError(() -> TokenRequest.from(request), "invalid_request");
    }

    @Test
    void treatsAParameterWithoutValueAsOmitted() {
        // given
        APIGatewayProxyRequestEvent request = request("grant_type=client_credentials&scope=", null, null);

        // when
        TokenRequest form = TokenRequest.from(request);

        // then
        assertThat(form.get("scope")).isNull();
        assertThat(form.get("grant_type")).isEqualTo("client_credentials");
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
