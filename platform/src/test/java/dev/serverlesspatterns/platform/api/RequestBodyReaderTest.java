package dev.serverlesspatterns.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyReaderTest {

    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";

    private final RequestBodyReader reader =
            new RequestBodyReader(JsonMapper.builder().build(), new EventContracts(), 256);

    @Test
    void readsABodyThatMatchesItsSchema() {
        // given a valid body
        APIGatewayProxyRequestEvent request = request(ORDER, "application/json; charset=utf-8");

        // when it is read
        PlaceOrderRequest order = reader.read(request, Schema.PLACE_ORDER, PlaceOrderRequest.class);

        // then the record carries it
        assertThat(order.totalCents()).isEqualTo(2500);
        assertThat(order.currency()).isEqualTo("EUR");
    }

    @Test
    void decodesBase64Bodies() {
        // given a body API Gateway passed base64-encoded
        APIGatewayProxyRequestEvent request = request(
                        Base64.getEncoder().encodeToString(ORDER.getBytes(StandardCharsets.UTF_8)), "application/json")
                .withIsBase64Encoded(true);

        // when and then
        assertThat(reader.read(request, Schema.PLACE_ORDER, PlaceOrderRequest.class)
                        .items())
                .hasSize(1);
    }

    @Test
    void namesEveryFieldThatBreaksTheSchema() {
        // given a body with two faults
        APIGatewayProxyRequestEvent request =
                request("{\"items\":[{\"sku\":\"x\",\"quantity\":0,\"unitPriceCents\":1}],\"currency\":\"EUR\"}", null);

        // when and then: a 400 with one entry per offending field
        assertThatThrownBy(() -> reader.read(request, Schema.PLACE_ORDER, PlaceOrderRequest.class))
                .isInstanceOfSatisfying(ApiProblemException.class, rejected -> {
                    assertThat(rejected.problem().status()).isEqualTo(400);
                    assertThat(rejected.problem().code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(rejected.problem().errors())
                            .extracting(ApiProblem.FieldError::pointer)
                            .containsExactlyInAnyOrder("/items/0/sku", "/items/0/quantity");
                });
    }

    @Test
    void refusesMissingMalformedOversizedAndNonJsonBodies() {
        assertProblem(request(null, "application/json"), 400, "BODY_REQUIRED");
        assertProblem(request("{not json", "application/json"), 400, "MALFORMED_JSON");
        assertProblem(request("{\"pad\":\"" + "x".repeat(300) + "\"}", "application/json"), 413, "BODY_TOO_LARGE");
        assertProblem(request(ORDER, "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private void assertProblem(APIGatewayProxyRequestEvent request, int status, String code) {
        assertThatThrownBy(() -> reader.read(request, Schema.PLACE_ORDER, PlaceOrderRequest.class))
                .isInstanceOfSatisfying(ApiProblemException.class, rejected -> {
                    assertThat(rejected.problem().status()).isEqualTo(status);
                    assertThat(rejected.problem().code()).isEqualTo(code);
                });
    }

    private static APIGatewayProxyRequestEvent request(String body, String contentType) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/orders")
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType))
                .withBody(body);
    }
}
