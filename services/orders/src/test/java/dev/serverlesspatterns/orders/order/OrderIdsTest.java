package dev.serverlesspatterns.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void derivesTheSameIdForTheSameCustomerAndKey() {
        // given
        IdempotencyKey key = new IdempotencyKey("checkout-7f3a9c2e");

        // when
        String first = OrderIds.derive("customer-0001", key);
        String retry = OrderIds.derive("customer-0001", new IdempotencyKey("checkout-7f3a9c2e"));

        // then
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void derivesDifferentIdsForOtherCustomersOrOtherKeys() {
        // given
        String original = OrderIds.derive("customer-0001", new IdempotencyKey("k1"));

        // when
        String otherCustomer = OrderIds.derive("customer-0002", new IdempotencyKey("k1"));
        String otherKey = OrderIds.derive("customer-0001", new IdempotencyKey("k2"));

        // then
        assertThat(otherCustomer).isNotEqualTo(original);
        assertThat(otherKey).isNotEqualTo(original).isNotEqualTo(otherCustomer);
    }

    @Test
    void derivedAndRandomIdsAreWellFormedUuids() {
        // given
        IdempotencyKey key = new IdempotencyKey("A_b-9");

        // when
        String derived = OrderIds.derive("customer-0001", key);
        String random = OrderIds.random();

        // then
        assertThat(OrderIds.isWellFormed(derived)).isTrue();
        assertThat(OrderIds.isWellFormed(random)).isTrue();
        assertThat(UUID.fromString(derived).version()).as("name-based").isEqualTo(3);
        assertThat(UUID.fromString(random).version()).isEqualTo(4);
    }

    @Test
    void treatsAnythingButALowerCaseCanonicalUuidAsNoOrderId() {
        // given
        String upperCase = UUID.randomUUID().toString().toUpperCase();

        // when / then
        assertThat(OrderIds.isWellFormed(upperCase)).isFalse();
        assertThat(OrderIds.isWellFormed("../admin")).isFalse();
        assertThat(OrderIds.isWellFormed("")).isFalse();
        assertThat(OrderIds.isWellFormed(null)).isFalse();
    }
}
