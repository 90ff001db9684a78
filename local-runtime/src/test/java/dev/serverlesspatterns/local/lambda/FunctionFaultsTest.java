package dev.serverlesspatterns.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The faults a test injects around an invocation: the invocation itself always runs. Here it is a counting supplier
 * standing for a host's invocation; AggregatorIT (e2e) shows the same faults around the suite's real functions.
 */
class FunctionFaultsTest {

    private static final byte[] EVENT = "{\"orderId\":\"order-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final InvocationResult ANSWER =
            new InvocationResult("{\"found\":true}".getBytes(StandardCharsets.UTF_8), null);

    private final FunctionFaults faults = new FunctionFaults();
    private final AtomicInteger runs = new AtomicInteger();
    private final Supplier<InvocationResult> invocation = () -> {
        runs.incrementAndGet();
        return ANSWER;
    };

    @Test
    void delaysAMatchingInvocationAndThenRunsIt() {
        // given
        Duration delay = Duration.ofMillis(300);
        try (FunctionFaults.Fault slow = faults.delay("SummarizeOrderFunction", "order-1", delay)) {
            long started = System.nanoTime();

            // when
            InvocationResult result = faults.apply("SummarizeOrderFunction", EVENT, invocation);

            // then
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
            assertThat(result).isSameAs(ANSWER);
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void runsAFailingInvocationAndReportsAnUnhandledFunctionError() {
        // given
        try (FunctionFaults.Fault failing = faults.fail("SummarizeOrderFunction", "order-1")) {

            // when
            InvocationResult result = faults.apply("SummarizeOrderFunction", EVENT, invocation);

            // then
            assertThat(runs).hasValue(1);
            assertThat(result.failed()).isTrue();
            assertThat(result.functionError()).isEqualTo("Unhandled");
            assertThat(result.payloadText()).contains(FunctionFaults.INJECTED_ERROR_TYPE);
        }
    }

    @Test
    void leavesOtherFunctionsAndOtherDataAlone() {
        // given
        try (FunctionFaults.Fault failing = faults.fail("SummarizeOrderFunction", "order-2")) {

            // when
            InvocationResult otherData = faults.apply("SummarizeOrderFunction", EVENT, invocation);
            InvocationResult otherFunction = faults.apply("GetOrderFunction", "order-2".getBytes(), invocation);

            // then
            assertThat(otherData).isSameAs(ANSWER);
            assertThat(otherFunction).isSameAs(ANSWER);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void stopsOnceClosed() {
        // given
        faults.fail("SummarizeOrderFunction", "order-1").close();

        // when
        InvocationResult result = faults.apply("SummarizeOrderFunction", EVENT, invocation);

        // then
        assertThat(result).isSameAs(ANSWER);
    }

    @Test
    void refusesAFaultWithoutAMarker() {
        // when / then
        assertThatThrownBy(() -> faults.fail("SummarizeOrderFunction", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("marker");
    }
}
