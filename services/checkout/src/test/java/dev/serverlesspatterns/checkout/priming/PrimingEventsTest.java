package dev.serverlesspatterns.checkout.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each function's SnapStart priming event is refused by the function's own rules before anything is written: the
 * API functions answer their problem, the task functions fail as the state machine would see them fail.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void startCheckoutRefusesItsBodyAndStartsNothing(LambdaHarness lambda, ProvisionedStack stack) {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        JsonNode answer = JSON.readTree(lambda.invoke("StartCheckoutFunction", primingEvent("start-checkout")));

        // then
        assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
        assertThat(answer.path("body").asString()).contains("VALIDATION_FAILED");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void getCheckoutDescribesAnExecutionNoCheckoutHas(LambdaHarness lambda) {
        // when
        JsonNode answer = JSON.readTree(lambda.invoke("GetCheckoutFunction", primingEvent("get-checkout")));

        // then
        assertThat(answer.path("statusCode").asInt()).isEqualTo(404);
        assertThat(answer.path("body").asString()).contains("CHECKOUT_NOT_FOUND");
    }

    @ParameterizedTest
    @CsvSource({
        "ReserveStockFunction, reserve-stock, dev.serverlesspatterns.checkout.stock.OutOfStockException",
        "ChargePaymentFunction, charge-payment, java.lang.IllegalArgumentException",
        "ConfirmOrderFunction, confirm-order, dev.serverlesspatterns.checkout.order.DeliveryNotPossibleException",
        "RefundPaymentFunction, refund-payment, java.lang.IllegalArgumentException",
        "ReleaseStockFunction, release-stock, java.lang.IllegalArgumentException"
    })
    void taskFunctionsRefuseTheirEventAndWriteNothing(
            String function, String event, String error, LambdaHarness lambda, ProvisionedStack stack) {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when / then
        assertThatThrownBy(() -> lambda.invoke(function, primingEvent(event)))
                .isInstanceOfSatisfying(
                        LambdaFunctionException.class,
                        failure -> assertThat(failure.getErrorType()).isEqualTo(error));
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
