package dev.serverlesspatterns.orders.order;

import static dev.serverlesspatterns.orders.order.Customers.newCustomer;
import static dev.serverlesspatterns.orders.order.Customers.placeOrderFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.orders.OrdersProperties;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write's own condition, without the function's checks in front of it: a change checked against an order that
 * has moved on since it was read must not land. The fixture order holds {@code MUG-BLUE-01} 2 × 1250 at line 0.
 */
@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class QuantityChangeConditionTest {

    private static final String NOW = "2026-11-03T10:20:00.000000Z";

    private DynamoDbClient dynamo;
    private OrderTable orders;
    private OrdersTableProbe table;

    @BeforeEach
    void openTable(ProvisionedStack stack) {
        dynamo = stack.client(DynamoDbClient.builder());
        orders = new OrderTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                new ConditionalWrites(dynamo),
                new OrdersProperties(
                        stack.physicalName("OrdersTable"),
                        "byCustomer",
                        new OrdersProperties.Paging(20, 100),
                        new OrdersProperties.OrderConfirmation(null, Duration.ofSeconds(2)),
                        new OrdersProperties.Events(null)));
        table = new OrdersTableProbe(stack);
    }

    @AfterEach
    void closeTable() {
        table.close();
        dynamo.close();
    }

    @Test
    void appliesAChangeTheStoredLineAllows(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        var changed = orders.changeQuantity(orderId, customer, new QuantityChange(0, "MUG-BLUE-01", 1250, 98), NOW);

        // then
        assertThat(changed).hasValueSatisfying(order -> {
            assertThat(order.items().getFirst().quantity()).isEqualTo(100);
            assertThat(order.totalCents()).isEqualTo(3399 + 98 * 1250);
            assertThat(order.updatedAt()).isEqualTo(NOW);
            assertThat(order.version()).isEqualTo(2);
        });
    }

    static Stream<Arguments> stale() {
        return Stream.of(
                Arguments.of("below the lower bound", new QuantityChange(0, "MUG-BLUE-01", 1250, -2)),
                Arguments.of("above the upper bound", new QuantityChange(0, "MUG-BLUE-01", 1250, 99)),
                Arguments.of("another sku at that index", new QuantityChange(0, "TEA-EARLGREY", 1250, 1)),
                Arguments.of("another price", new QuantityChange(0, "MUG-BLUE-01", 999, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stale")
    void refusesAChangeTheStoredLineDoesNotAllow(String why, QuantityChange change, LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);

        // when
        var changed = orders.changeQuantity(orderId, customer, change, NOW);

        // then
        assertThat(changed).isEmpty();
        assertUnchanged(orderId);
    }

    @Test
    void refusesAnotherCustomersOrder(LambdaHarness lambda) {
        // given
        String orderId = placeOrderFor(lambda, newCustomer());

        // when
        var changed = orders.changeQuantity(orderId, newCustomer(), new QuantityChange(0, "MUG-BLUE-01", 1250, 1), NOW);

        // then
        assertThat(changed).isEmpty();
        assertUnchanged(orderId);
    }

    @Test
    void refusesACancelledOrder(LambdaHarness lambda) {
        // given
        String customer = newCustomer();
        String orderId = placeOrderFor(lambda, customer);
        orders.cancel(orderId, customer, NOW);

        // when
        var changed = orders.changeQuantity(orderId, customer, new QuantityChange(0, "MUG-BLUE-01", 1250, 1), NOW);

        // then
        assertThat(changed).isEmpty();
        assertThat(table.item(orderId).get("version").n()).isEqualTo("2");
        assertThat(table.item(orderId).get("totalCents").n()).isEqualTo("3399");
    }

    @Test
    void createsNothingForAMissingOrder() {
        // given
        String unknown = UUID.randomUUID().toString();

        // when
        var changed = orders.changeQuantity(unknown, null, new QuantityChange(0, "MUG-BLUE-01", 1250, 1), NOW);

        // then
        assertThat(changed).isEmpty();
        assertThat(table.item(unknown)).isEmpty();
    }

    private void assertUnchanged(String orderId) {
        Map<String, AttributeValue> item = table.item(orderId);
        assertThat(item.get("items").l().getFirst().m().get("quantity").n()).isEqualTo("2");
        assertThat(item.get("totalCents").n()).isEqualTo("3399");
        assertThat(item.get("version").n()).isEqualTo("1");
    }
}
