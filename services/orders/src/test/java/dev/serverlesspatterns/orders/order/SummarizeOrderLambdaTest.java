package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.Customers.placeOrderFor;
import static dev.serverlesspatterns.orders.order.LambdaFunctions.SUMMARIZE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The internal order summary through SCF's FunctionInvoker, fed the JSON a RequestResponse invoke delivers. */
@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class SummarizeOrderLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void summarizesAnExistingOrder(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        JsonNode summary = summarize(lambda, orderId);

        // then
        assertThat(summary.path("orderId").asString()).isEqualTo(orderId);
        assertThat(summary.path("found").asBoolean()).isTrue();
        assertThat(summary.path("customerId").asString()).isEqualTo(customer);
        assertThat(summary.path("status").asString()).isEqualTo("OPEN");
        assertThat(summary.path("currency").asString()).isEqualTo("EUR");
        assertThat(summary.path("totalCents").asLong()).isEqualTo(3399);
        assertThat(summary.path("items").size()).isPositive();
        assertThat(summary.has("requestFingerprint")).isFalse();
    }

    @Test
    void answersNotFoundForAnUnknownOrderInsteadOfFailing(LambdaHarness lambda) {
        // given
        String orderId = UUID.randomUUID().toString();

        // when
        JsonNode summary = summarize(lambda, orderId);

        // then
        assertThat(summary.path("orderId").asString()).isEqualTo(orderId);
        assertThat(summary.path("found").asBoolean()).isFalse();
        assertThat(summary.path("customerId").isNull()).isTrue();
    }

    @Test
    void answersNotFoundForAnIdNoOrderCanHave(LambdaHarness lambda) {
        // when
        JsonNode summary = summarize(lambda, "../admin");

        // then
        assertThat(summary.path("found").asBoolean()).isFalse();
    }

    @Test
    void failsARequestWithoutAnOrderIdAsAFunctionError(LambdaHarness lambda) {
        // when / then
        assertThatThrownBy(() -> lambda.invoke(SUMMARIZE_ORDER, "{}"))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("orderId");
    }

    private static JsonNode summarize(LambdaHarness lambda, String orderId) {
        String event = Fixtures.event("summarize-order.json", Map.of("ORDER_ID", orderId))
                .toString();
        return JSON.readTree(lambda.invoke(SUMMARIZE_ORDER, event));
    }
}
