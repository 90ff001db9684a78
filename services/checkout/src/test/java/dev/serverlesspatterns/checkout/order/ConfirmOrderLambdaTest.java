package dev.serverlesspatterns.checkout.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last step through SCF's FunctionInvoker, fed the task input Step Functions sends, after the earlier steps ran
 * through their own functions.
 */
@ExtendWith(LocalAwsExtension.class)
class ConfirmOrderLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProvisionedStack stack;
    private DynamoDbClient dynamo;
    private String checkoutId;
    private String sku;

    @BeforeEach
    void connect(ProvisionedStack stack) {
        this.stack = stack;
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.checkoutId = UUID.randomUUID().toString();
        this.sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        dynamo.putItem(put -> put.tableName(stack.physicalName("StockTable"))
                .item(Map.of(
                        "sku", AttributeValue.fromS(sku),
                        "available", AttributeValue.fromN("5"),
                        "priceCents", AttributeValue.fromN("1299"))));
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void confirmsTheOrderOnceWithItsStockAndPayment(LambdaHarness lambda) {
        // given stock reserved and the payment charged
        reserveAndCharge(lambda, "tok_visa");

        // when the confirmation runs twice
        String confirmed = lambda.invoke("ConfirmOrderFunction", confirmTask("NL"));
        lambda.invoke("ConfirmOrderFunction", confirmTask("NL"));

        // then the order is confirmed with its reservation
        assertThat(JSON.readTree(confirmed).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(item("CheckoutOrdersTable").get("status").s()).isEqualTo("CONFIRMED");
        assertThat(item("CheckoutOrdersTable").get("customerId").s()).isEqualTo("customer-0001");
        assertThat(item("ReservationsTable").get("status").s()).isEqualTo("CONFIRMED");
    }

    @Test
    void aCountryNoCarrierServesFailsTheStepAndConfirmsNothing(LambdaHarness lambda) {
        // given
        reserveAndCharge(lambda, "tok_visa");

        // when / then
        assertThatThrownBy(() -> lambda.invoke("ConfirmOrderFunction", confirmTask("AQ")))
                .isInstanceOfSatisfying(
                        LambdaFunctionException.class,
                        failure -> assertThat(failure.getErrorType())
                                .isEqualTo(DeliveryNotPossibleException.class.getName()));
        assertThat(item("CheckoutOrdersTable")).isEmpty();
        assertThat(item("ReservationsTable").get("status").s()).isEqualTo("RESERVED");
    }

    @Test
    void aRefundedPaymentStopsTheConfirmation(LambdaHarness lambda) {
        // given the payment was refunded already (a compensation ran first)
        reserveAndCharge(lambda, "tok_visa");
        lambda.invoke("RefundPaymentFunction", "{\"checkoutId\":\"" + checkoutId + "\"}");

        // when / then
        assertThatThrownBy(() -> lambda.invoke("ConfirmOrderFunction", confirmTask("NL")))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("has no charged payment");
        assertThat(item("CheckoutOrdersTable")).isEmpty();
    }

    private void reserveAndCharge(LambdaHarness lambda, String cardToken) {
        lambda.invoke(
                "ReserveStockFunction",
                "{\"checkoutId\":\"" + checkoutId + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}");
        lambda.invoke(
                "ChargePaymentFunction",
                "{\"checkoutId\":\"" + checkoutId + "\",\"cardToken\":\"" + cardToken + "\",\"amountCents\":2598}");
    }

    private String confirmTask(String country) {
        return Fixtures.event(
                        "confirm-order.json",
                        Map.of(
                                "CHECKOUT_ID",
                                checkoutId,
                                "COUNTRY",
                                country,
                                "PAYMENT_ID",
                                "pay_" + checkoutId.replace("-", "")))
                .toString();
    }

    private Map<String, AttributeValue> item(String table) {
        return dynamo.getItem(get -> get.tableName(stack.physicalName(table))
                        .key(Map.of("checkoutId", AttributeValue.fromS(checkoutId))))
                .item();
    }
}
