package dev.serverlesspatterns.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvocationLogTest {

    private final InvocationLog log = new InvocationLog();

    @Test
    void countsInvocationsAndTheMostThatOverlapped() {
        // given two overlapping invocations, then a third after both ended
        InvocationLog.Running first = log.started("Consumer");
        InvocationLog.Running second = log.started("Consumer");
        first.close();
        second.close();

        // when
        log.started("Consumer").close();

        // then
        assertThat(log.count("Consumer")).isEqualTo(3);
        assertThat(log.peakConcurrency("Consumer")).isEqualTo(2);
    }

    @Test
    void keepsFunctionsApart() {
        // given
        InvocationLog.Running consumer = log.started("Consumer");

        // when
        log.started("Other").close();
        consumer.close();

        // then
        assertThat(log.peakConcurrency("Consumer")).isEqualTo(1);
        assertThat(log.peakConcurrency("Other")).isEqualTo(1);
        assertThat(log.count("Unknown")).isZero();
        assertThat(log.peakConcurrency("Unknown")).isZero();
    }
}
