package dev.serverlesspatterns.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InvocationLogTest {

    private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

    private final InvocationLog log = new InvocationLog();

    @Test
    void countsInvocationsAndTheMostThatOverlapped() {
        // given two overlapping invocations, then a third after both ended
        InvocationLog.Running first = log.started("Consumer", EVENT);
        InvocationLog.Running second = log.started("Consumer", EVENT);
        first.close();
        second.close();

        // when
        log.started("Consumer", EVENT).close();

        // then
        assertThat(log.count("Consumer")).isEqualTo(3);
        assertThat(log.peakConcurrency("Consumer")).isEqualTo(2);
    }

    @Test
    void keepsFunctionsApart() {
        // given
        InvocationLog.Running consumer = log.started("Consumer", EVENT);

        // when
        log.started("Other", EVENT).close();
        consumer.close();

        // then
        assertThat(log.peakConcurrency("Consumer")).isEqualTo(1);
        assertThat(log.peakConcurrency("Other")).isEqualTo(1);
        assertThat(log.count("Unknown")).isZero();
        assertThat(log.peakConcurrency("Unknown")).isZero();
    }

    @Test
    void aWatchCountsOnlyTheFunctionsInvocationsThatCarryItsMarkerWhileItIsOpen() {
        // given a watch of the consumer's invocations carrying inv-42
        InvocationLog.Watch watch = log.watch("Consumer", "inv-42");

        // when the consumer gets it twice, another event once, and another function gets it once
        log.started("Consumer", event("{\"body\":\"{\\\"invoiceId\\\":\\\"inv-42\\\"}\"}"))
                .close();
        log.started("Consumer", event("{\"body\":\"inv-42\"}")).close();
        log.started("Consumer", event("{\"body\":\"inv-7\"}")).close();
        log.started("Other", event("{\"body\":\"inv-42\"}")).close();
        watch.close();
        log.started("Consumer", event("{\"body\":\"inv-42\"}")).close();

        // then the watch counted the two, and nothing after it was closed
        assertThat(watch.count()).isEqualTo(2);
        assertThat(log.count("Consumer")).isEqualTo(4);
    }

    private static byte[] event(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
