package dev.serverlesspatterns.checkout.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.checkout.CheckoutApplication;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.platform.priming.PrimingWarmUp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each function's SnapStart priming event is refused by the function's own rules before anything is written: the
 * API functions answer their problem, the task functions fail as the state machine would see them fail. The warm-ups of
 * the writes those events cannot reach write nothing either.
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

    @Test
    void warmsUpTheTaskFunctionsWritesWithoutWriting(LambdaHarness lambda, ProvisionedStack stack) {
        // given: the functions' environment (set by their first invokes)
        for (String function : List.of("ReserveStockFunction", "ConfirmOrderFunction")) {
            try {
                lambda.invoke(function, "{}");
            } catch (LambdaFunctionException refused) {
                // Only the environment was wanted.
            }
        }
        Map<String, Integer> before = stack.itemCounts();

        // when every warm-up runs, as priming runs them before a snapshot
        Map<String, PrimingWarmUp> warmUps;
        // Arguments: they override the system properties the harness set for the functions it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CheckoutApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.cloud.function.definition=reserveStock;releaseStock;chargePayment;refundPayment;"
                                + "confirmOrder")) {
            warmUps = service.getBeansOfType(PrimingWarmUp.class);
            warmUps.values().forEach(PrimingWarmUp::warmUp);
        }

        // then each ran to its refusal, and nothing was written
        assertThat(warmUps).hasSize(4);
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
