package dev.serverlesspatterns.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityChangeTest {

    private static final Order ORDER = new Order(
            "0b6f3c1e-7d2a-4e59-9c8b-2f1a6d3e5b47",
            "customer-0001",
            OrderStatus.OPEN,
            "EUR",
            List.of(new OrderLine("MUG-BLUE-01", 2, 1250), new OrderLine("TEA-EARLGREY", 1, 899)),
            3399,
            "2026-11-03T10:15:30.412000Z",
            "2026-11-03T10:15:30.412000Z",
            1,
            "f".repeat(64));

    @Test
    void pointsAtTheLineWithTheSkuAndItsPrice() {
        // when
        QuantityChange change = QuantityChange.of(ORDER, "TEA-EARLGREY", 3);

        // then
        assertThat(change.line()).isEqualTo(1);
        assertThat(change.sku()).isEqualTo("TEA-EARLGREY");
        assertThat(change.unitPriceCents()).isEqualTo(899);
        assertThat(change.deltaCents()).isEqualTo(3 * 899);
    }

    @Test
    void refusesToChooseBetweenTwoLinesWithTheSameSku() {
        // given an order stored before repeated skus were refused
        Order twice = withItems(new OrderLine("MUG-BLUE-01", 2, 1250), new OrderLine("MUG-BLUE-01", 1, 1100));

        // when and then
        assertThatExceptionOfType(ApiProblemException.class)
                .isThrownBy(() -> QuantityChange.of(twice, "MUG-BLUE-01", 1))
                .satisfies(rejected -> {
                    assertThat(rejected.problem().status()).isEqualTo(409);
                    assertThat(rejected.problem().code()).isEqualTo("AMBIGUOUS_LINE");
                });
    }

    @ParameterizedTest(name = "delta {0}: the line may hold {1} to {2} before")
    @CsvSource({"1, 0, 99", "-1, 2, 101", "-100, 101, 200", "100, -99, 0"})
    void turnsTheBoundsAfterTheChangeIntoBoundsBeforeIt(int delta, int minimumBefore, int maximumBefore) {
        // given
        QuantityChange change = new QuantityChange(0, "MUG-BLUE-01", 1250, delta);

        // then: quantity + delta in [1, 100] exactly when quantity in [minimumBefore, maximumBefore]
        assertThat(change.minimumBefore()).isEqualTo(minimumBefore);
        assertThat(change.maximumBefore()).isEqualTo(maximumBefore);
        for (int quantity = 1; quantity <= 100; quantity++) {
            boolean allowed = quantity + delta >= 1 && quantity + delta <= 100;
            assertThat(quantity >= change.minimumBefore() && quantity <= change.maximumBefore())
                    .as("quantity %d", quantity)
                    .isEqualTo(allowed);
        }
    }

    @ParameterizedTest(name = "2 + {0}")
    @CsvSource({"-2", "-100", "99", "100"})
    void refusesAChangeThatLeavesTheBounds(int delta) {
        assertThatExceptionOfType(ApiProblemException.class)
                .isThrownBy(() -> QuantityChange.of(ORDER, "MUG-BLUE-01", delta))
                .satisfies(refused -> {
                    assertThat(refused.problem().status()).isEqualTo(422);
                    assertThat(refused.problem().code()).isEqualTo("QUANTITY_OUT_OF_RANGE");
                });
    }

    @Test
    void refusesALineTheOrderDoesNotHave() {
        assertThatExceptionOfType(ApiProblemException.class)
                .isThrownBy(() -> QuantityChange.of(ORDER, "MUG-RED-01", 1))
                .satisfies(refused -> {
                    assertThat(refused.problem().status()).isEqualTo(404);
                    assertThat(refused.problem().code()).isEqualTo("LINE_NOT_FOUND");
                });
    }

    @Test
    void refusesAnyChangeToAnOrderThatIsNotOpenBeforeLookingAtItsLines() {
        // given
        Order cancelled = new Order(
                ORDER.orderId(),
                ORDER.customerId(),
                OrderStatus.CANCELLED,
                ORDER.currency(),
                ORDER.items(),
                ORDER.totalCents(),
                ORDER.createdAt(),
                ORDER.updatedAt(),
                2,
                ORDER.requestFingerprint());

        // when / then
        assertThatExceptionOfType(ApiProblemException.class)
                .isThrownBy(() -> QuantityChange.of(cancelled, "MUG-RED-01", 1))
                .satisfies(refused -> {
                    assertThat(refused.problem().status()).isEqualTo(409);
                    assertThat(refused.problem().code()).isEqualTo("ORDER_NOT_OPEN");
                });
    }

    private static Order withItems(OrderLine... lines) {
        return new Order(
                ORDER.orderId(),
                ORDER.customerId(),
                ORDER.status(),
                ORDER.currency(),
                List.of(lines),
                ORDER.totalCents(),
                ORDER.createdAt(),
                ORDER.updatedAt(),
                ORDER.version(),
                ORDER.requestFingerprint());
    }
}
