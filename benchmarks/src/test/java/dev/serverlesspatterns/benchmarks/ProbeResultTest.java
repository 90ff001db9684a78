package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeResultTest {

    @Test
    void theLineAProbePrintsParsesBackToTheSameResult() {
        // given a probe's result
        ProbeResult result = new ProbeResult(205312, 2710, 2050, 420, "201");

        // when it is printed and read back
        String line = result.line();

        // then nothing is lost
        assertThat(line)
                .isEqualTo("RESULT rss_kb=205312 first_response_ms=2710 init_ms=2050 invoke_ms=420 outcome=201");
        assertThat(ProbeResult.parse(line)).contains(result);
    }

    @Test
    void aPrimedRunWithWarmInvokesAddsItsFieldsAndAnOlderLineStillParses() {
        // given a primed run with warm invokes, and the line of an older probe without those fields
        ProbeResult primed =
                new ProbeResult(205312, 2710, 2050, 42, "201", OptionalLong.of(380), OptionalLong.of(5400));
        String older = "RESULT rss_kb=205312 first_response_ms=2710 init_ms=2050 invoke_ms=420 outcome=201";

        // when they are printed and read back
        String line = primed.line();

        // then the optional fields follow the old ones, and their absence is no error
        assertThat(line)
                .isEqualTo("RESULT rss_kb=205312 first_response_ms=2710 init_ms=2050 invoke_ms=42 outcome=201"
                        + " prime_ms=380 warm_median_us=5400");
        assertThat(ProbeResult.parse(line)).contains(primed);
        assertThat(ProbeResult.parse(older)).contains(new ProbeResult(205312, 2710, 2050, 420, "201"));
    }

    @Test
    void findsTheResultLineAmongTheHandlersOwnLogging() {
        // given a child's stdout: Spring's log lines, then the result
        List<String> stdout = List.of(
                "2026-11-26T16:22:39.687Z  INFO 24419 --- [orders] [main] d.s.orders.OrdersApplication : Starting",
                "RESULT rss_kb=1 first_response_ms=1 init_ms=1 invoke_ms=1 outcome=ok",
                "2026-11-26T16:22:40.549Z  INFO 24419 --- [orders] [main] d.s.orders.OrdersApplication : Started",
                "RESULT rss_kb=259376 first_response_ms=2528 init_ms=1974 invoke_ms=517 outcome=201",
                "2026-11-26T16:22:41.001Z  INFO 24419 --- [orders] [ionShutdownHook] closing");

        // when the result is looked for
        // then the last result line counts
        assertThat(ProbeResult.lastIn(stdout)).contains(new ProbeResult(259376, 2528, 1974, 517, "201"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "RESULTS rss_kb=1 first_response_ms=1 init_ms=1 invoke_ms=1 outcome=ok",
                "RESULT rss_kb=1 first_response_ms=1 init_ms=1 outcome=ok",
                "RESULT rss_kb=many first_response_ms=1 init_ms=1 invoke_ms=1 outcome=ok",
                "RESULT rss_kb=1 first_response_ms=1 init_ms=1 invoke_ms=1 outcome=",
                "INFO the RESULT rss_kb=1 first_response_ms=1 init_ms=1 invoke_ms=1 outcome=ok",
                "RESULT rss_kb=1 first_response_ms=1 init_ms=1 invoke_ms=1 outcome=ok warm_median_us=fast"
            })
    void aMalformedOrPartialLineIsNoResult(String line) {
        // given a line that is not a complete result line
        // when it is parsed
        // then there is no result, so the run counts as failed instead of measuring zeros
        assertThat(ProbeResult.parse(line)).isEmpty();
    }

    @Test
    void aChildWithoutResultLineHasNoResult() {
        // given a child that died before printing its result
        List<String> stdout = List.of("Exception in thread \"main\" java.lang.IllegalStateException: boom");

        // when the result is looked for
        // then there is none
        assertThat(ProbeResult.lastIn(stdout)).isEmpty();
    }

    @Test
    void namesTheOutcomeOfTheAnswer() {
        // given an API Gateway answer, an IAM policy, and some other answer
        String api = "{\"statusCode\": 201, \"headers\": {}, \"body\": \"{}\"}";
        String policy = "{\"principalId\":\"alice\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Deny\"}]}}";
        String other = "{\"batchItemFailures\":[]}";

        // when their outcomes are named
        // then they are the status code, the effect, and ok
        assertThat(ProbeResult.outcomeOf(api)).isEqualTo("201");
        assertThat(ProbeResult.outcomeOf(policy)).isEqualTo("Deny");
        assertThat(ProbeResult.outcomeOf(other)).isEqualTo("ok");
    }

    @Test
    void anOutcomeIsOneWord() {
        // given an outcome with a blank, which would break the line format
        // when a result is made with it
        // then it is refused
        assertThatIllegalArgumentException().isThrownBy(() -> new ProbeResult(1, 1, 1, 1, "two words"));
    }
}
