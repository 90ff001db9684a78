package dev.serverlesspatterns.clickstream.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.clickstream.ClickstreamApplication;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The aggregate's SnapStart priming event (a record that is not a click) is refused before anything is counted, and
 * its warm-up's transaction is refused by DynamoDB: neither writes.
 */
@ExtendWith({LocalAwsExtension.class, OutputCaptureExtension.class})
class PrimingEventsTest {

    @Test
    void refusesItsPrimingEventAndItsWarmUpWritesNothing(
            LambdaHarness lambda, ProvisionedStack stack, CapturedOutput output) throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when the priming event is handed over, then the warm-ups run
        assertThatThrownBy(() -> lambda.invoke("AggregateClicksFunction", primingEvent("aggregate-clicks")))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("has no clickId or productId");
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ClickstreamApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=aggregateClicks")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then the event is refused by throwing, so only the warm-up's log shows it ran
        assertThat(primed).isEmpty();
        assertThat(output)
                .contains("SnapStart priming ran AggregateClicksWarmUp for aggregateClicks")
                .doesNotContain("SnapStart warm-up");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
