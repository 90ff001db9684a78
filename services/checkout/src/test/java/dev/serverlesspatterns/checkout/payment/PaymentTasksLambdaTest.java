package dev.serverlesspatterns.checkout.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The payment step and its compensation through SCF's FunctionInvoker, fed the task input Step Functions sends. */
@ExtendWith(LocalAwsExtension.class)
class PaymentTasksLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProvisionedStack stack;
    private DynamoDbClient dynamo;
    private String checkoutId;

    @BeforeEach
    void connect(ProvisionedStack stack) {
        this.stack = stack;
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.checkoutId = UUID.randomUUID().toString();
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void chargesOnceAndRefundsOnce(LambdaHarness lambda) {
        // when a card that works is charged twice, as a retried task would
        JsonNode charged = JSON.readTree(lambda.invoke("ChargePaymentFunction", chargeTask("tok_visa")));
        JsonNode again = JSON.readTree(lambda.invoke("ChargePaymentFunction", chargeTask("tok_visa")));

        // then the gateway was called once and the payment is charged
        assertThat(charged.path("status").asString()).isEqualTo("CHARGED");
        assertThat(again).isEqualTo(charged);
        assertThat(payment().get("gatewayCalls").n()).isEqualTo("1");

        // when the compensation runs twice
        lambda.invoke("RefundPaymentFunction", refundTask());
        String refunded = lambda.invoke("RefundPaymentFunction", refundTask());

        // then the payment is refunded
        assertThat(JSON.readTree(refunded).path("status").asString()).isEqualTo("REFUNDED");
        assertThat(payment().get("status").s()).isEqualTo("REFUNDED");
    }

    @Test
    void anUnavailableGatewayFailsWithTheTransientErrorTwiceThenCharges(LambdaHarness lambda) {
        // when / then: the first two calls fail with the error the state machine retries
        for (int call = 1; call <= 2; call++) {
            assertThatThrownBy(() -> lambda.invoke("ChargePaymentFunction", chargeTask("tok_unavailableTwice")))
                    .isInstanceOfSatisfying(
                            LambdaFunctionException.class,
                            failure -> assertThat(failure.getErrorType())
                                    .isEqualTo(PaymentGatewayUnavailableException.class.getName()));
        }
        JsonNode charged = JSON.readTree(lambda.invoke("ChargePaymentFunction", chargeTask("tok_unavailableTwice")));

        // and the third charges
        assertThat(charged.path("status").asString()).isEqualTo("CHARGED");
        assertThat(payment().get("gatewayCalls").n()).isEqualTo("3");
    }

    @Test
    void aDeclinedCardFailsTheStepAndItsRefundChangesNothing(LambdaHarness lambda) {
        // when / then
        assertThatThrownBy(() -> lambda.invoke("ChargePaymentFunction", chargeTask("tok_chargeDeclined")))
                .isInstanceOfSatisfying(
                        LambdaFunctionException.class,
                        failure ->
                                assertThat(failure.getErrorType()).isEqualTo(PaymentDeclinedException.class.getName()));
        String refund = lambda.invoke("RefundPaymentFunction", refundTask());
        assertThat(JSON.readTree(refund).path("status").asString()).isEqualTo("DECLINED");
        assertThat(payment().get("status").s()).isEqualTo("DECLINED");
    }

    @Test
    void aPendingPaymentIsChargedWhenAskedAgain(LambdaHarness lambda) {
        // when a 3-D Secure card is charged, then asked again after the customer confirmed
        JsonNode pending = JSON.readTree(lambda.invoke("ChargePaymentFunction", chargeTask("tok_threeDSecure")));
        JsonNode charged = JSON.readTree(lambda.invoke("ChargePaymentFunction", chargeTask("tok_threeDSecure")));

        // then
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        assertThat(charged.path("status").asString()).isEqualTo("CHARGED");
    }

    @Test
    void aRefundBeforeAnyChargeVoidsThePaymentSoALateChargeFails(LambdaHarness lambda) {
        // given the compensation ran before the charge (a late task)
        lambda.invoke("RefundPaymentFunction", refundTask());

        // when / then
        assertThatThrownBy(() -> lambda.invoke("ChargePaymentFunction", chargeTask("tok_visa")))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("VOIDED");
        assertThat(payment().get("status").s()).isEqualTo("VOIDED");
    }

    @Test
    void aRefusedRefundFailsTheCompensationAndLeavesTheCharge(LambdaHarness lambda) {
        // given
        lambda.invoke("ChargePaymentFunction", chargeTask("tok_refundRefused"));

        // when / then
        assertThatThrownBy(() -> lambda.invoke("RefundPaymentFunction", refundTask()))
                .isInstanceOfSatisfying(
                        LambdaFunctionException.class,
                        failure ->
                                assertThat(failure.getErrorType()).isEqualTo(RefundRefusedException.class.getName()));
        assertThat(payment().get("status").s()).isEqualTo("CHARGED");
    }

    private String chargeTask(String cardToken) {
        return Fixtures.event("charge-payment.json", Map.of("CHECKOUT_ID", checkoutId, "CARD_TOKEN", cardToken))
                .toString();
    }

    private String refundTask() {
        return Fixtures.event("refund-payment.json", Map.of("CHECKOUT_ID", checkoutId))
                .toString();
    }

    private Map<String, AttributeValue> payment() {
        return dynamo.getItem(get -> get.tableName(stack.physicalName("PaymentsTable"))
                        .key(Map.of("checkoutId", AttributeValue.fromS(checkoutId))))
                .item();
    }
}
