package dev.serverlesspatterns.checkout.stock;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The stock step and its compensation through SCF's FunctionInvoker, fed the task input Step Functions sends. */
@ExtendWith(LocalAwsExtension.class)
class StockTasksLambdaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProvisionedStack stack;
    private DynamoDbClient dynamo;
    private String checkoutId;
    private String skuA;
    private String skuB;

    @BeforeEach
    void connect(ProvisionedStack stack) {
        this.stack = stack;
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.checkoutId = UUID.randomUUID().toString();
        this.skuA = newSku();
        this.skuB = newSku();
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void reservesOnceAndReleasesOnceHoweverOftenTheTasksRun(LambdaHarness lambda) {
        // given five of A at 9.99 and one of B at 6.00
        stock(skuA, 5, 999);
        stock(skuB, 1, 600);

        // when the reservation runs twice, as a retried task would
        JsonNode reserved = JSON.readTree(lambda.invoke("ReserveStockFunction", reserveTask()));
        JsonNode again = JSON.readTree(lambda.invoke("ReserveStockFunction", reserveTask()));

        // then two of A and the one B are held once, for 25.98
        assertThat(reserved.path("status").asString()).isEqualTo("RESERVED");
        assertThat(reserved.path("amountCents").asLong()).isEqualTo(2598);
        assertThat(again).isEqualTo(reserved);
        assertThat(available(skuA)).isEqualTo(3);
        assertThat(available(skuB)).isZero();

        // when the compensation runs twice
        String released = lambda.invoke("ReleaseStockFunction", releaseTask());
        lambda.invoke("ReleaseStockFunction", releaseTask());

        // then the stock is back once and the reservation is released
        assertThat(JSON.readTree(released).path("status").asString()).isEqualTo("RELEASED");
        assertThat(available(skuA)).isEqualTo(5);
        assertThat(available(skuB)).isEqualTo(1);
        assertThat(reservation().get("status").s()).isEqualTo("RELEASED");
    }

    @Test
    void aSkuShortOfStockFailsTheStepAndTakesNothing(LambdaHarness lambda) {
        // given enough of A but none of B
        stock(skuA, 5, 999);
        stock(skuB, 0, 600);

        // when / then: the step fails with the error the state machine catches, and nothing is held
        assertThatThrownBy(() -> lambda.invoke("ReserveStockFunction", reserveTask()))
                .isInstanceOfSatisfying(
                        LambdaFunctionException.class,
                        failure -> assertThat(failure.getErrorType()).isEqualTo(OutOfStockException.class.getName()))
                .hasMessageContaining("Sku " + skuB + " has fewer than 1 in stock");
        assertThat(available(skuA)).isEqualTo(5);
        assertThat(reservation()).isEmpty();
    }

    @Test
    void aReleaseBeforeAnyReservationRefusesALateOne(LambdaHarness lambda) {
        // given stock, and a checkout whose compensation ran before its reservation (a late task)
        stock(skuA, 5, 999);
        stock(skuB, 1, 600);
        lambda.invoke("ReleaseStockFunction", releaseTask());

        // when / then: the late reservation takes nothing
        assertThatThrownBy(() -> lambda.invoke("ReserveStockFunction", reserveTask()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("released its stock already");
        assertThat(available(skuA)).isEqualTo(5);
        assertThat(reservation().get("status").s()).isEqualTo("RELEASED");
    }

    private String reserveTask() {
        return Fixtures.event("reserve-stock.json", Map.of("CHECKOUT_ID", checkoutId, "SKU_A", skuA, "SKU_B", skuB))
                .toString();
    }

    private String releaseTask() {
        return Fixtures.event("release-stock.json", Map.of("CHECKOUT_ID", checkoutId))
                .toString();
    }

    private void stock(String sku, int available, int priceCents) {
        dynamo.putItem(put -> put.tableName(stack.physicalName("StockTable"))
                .item(Map.of(
                        "sku", AttributeValue.fromS(sku),
                        "available", AttributeValue.fromN(Integer.toString(available)),
                        "priceCents", AttributeValue.fromN(Integer.toString(priceCents)))));
    }

    private int available(String sku) {
        return Integer.parseInt(dynamo.getItem(get ->
                        get.tableName(stack.physicalName("StockTable")).key(Map.of("sku", AttributeValue.fromS(sku))))
                .item()
                .get("available")
                .n());
    }

    private Map<String, AttributeValue> reservation() {
        return dynamo.getItem(get -> get.tableName(stack.physicalName("ReservationsTable"))
                        .key(Map.of("checkoutId", AttributeValue.fromS(checkoutId))))
                .item();
    }

    private static String newSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
