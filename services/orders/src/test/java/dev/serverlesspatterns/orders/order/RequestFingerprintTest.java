package dev.serverlesspatterns.orders.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.events.orders.PlaceOrderRequest;
import dev.serverlesspatterns.events.orders.PlaceOrderRequest.OrderLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final OrderLine MUG = new OrderLine("MUG-BLUE-01", 2, 1250);
    private static final OrderLine TEA = new OrderLine("TEA-EARLGREY", 1, 899);

    @Test
    void equalRequestsHaveEqualFingerprints() {
        // given
        PlaceOrderRequest first = new PlaceOrderRequest(List.of(MUG, TEA), "EUR");
        PlaceOrderRequest retry = new PlaceOrderRequest(
                List.of(new OrderLine("MUG-BLUE-01", 2, 1250), new OrderLine("TEA-EARLGREY", 1, 899)), "EUR");

        // when
        String original = RequestFingerprint.of(first);
        String retried = RequestFingerprint.of(retry);

        // then
        assertThat(retried).isEqualTo(original);
    }

    @Test
    void isALowerCaseHexSha256() {
        // given
        PlaceOrderRequest request = new PlaceOrderRequest(List.of(MUG), "EUR");

        // when
        String fingerprint = RequestFingerprint.of(request);

        // then
        assertThat(fingerprint).matches("[0-9a-f]{64}");
    }

    @Test
    void everyValueOfTheRequestChangesTheFingerprint() {
        // given
        PlaceOrderRequest original = new PlaceOrderRequest(List.of(MUG, TEA), "EUR");
        List<PlaceOrderRequest> variants = List.of(
                new PlaceOrderRequest(List.of(MUG, TEA), "USD"),
                new PlaceOrderRequest(List.of(new OrderLine("MUG-BLUE-02", 2, 1250), TEA), "EUR"),
                new PlaceOrderRequest(List.of(new OrderLine("MUG-BLUE-01", 3, 1250), TEA), "EUR"),
                new PlaceOrderRequest(List.of(new OrderLine("MUG-BLUE-01", 2, 1251), TEA), "EUR"),
                new PlaceOrderRequest(List.of(MUG), "EUR"),
                new PlaceOrderRequest(List.of(TEA, MUG), "EUR"));

        // when
        List<String> fingerprints =
                variants.stream().map(RequestFingerprint::of).toList();

        // then
        assertThat(fingerprints).doesNotContain(RequestFingerprint.of(original)).doesNotHaveDuplicates();
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeTheSameFingerprint() {
        // given
        PlaceOrderRequest oneLine = new PlaceOrderRequest(List.of(new OrderLine("ABC", 11, 5)), "EUR");
        PlaceOrderRequest shifted = new PlaceOrderRequest(List.of(new OrderLine("ABC", 1, 15)), "EUR");

        // when
        String first = RequestFingerprint.of(oneLine);
        String second = RequestFingerprint.of(shifted);

        // then
        assertThat(first).isNotEqualTo(second);
    }
}
