package dev.serverlesspatterns.payments.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.payments.PaymentsApplication;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing; the warm-ups of the writes the events
 * cannot reach write nothing either.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({
        "RecordPaymentIntentFunction, record-payment-intent",
        "CancelPaymentIntentFunction, cancel-payment-intent"
    })
    void refusesItsQueuedPrimingMessageWithoutWriting(
            String function, String event, LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke(function, primingEvent(event));

        // then the message would return to its queue, and nothing was written
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"snapstart-priming\"}]}");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpTheWritesOfBothFunctionsWithoutWriting(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given: the functions' environment (set by their first invoke)
        lambda.invoke("RecordPaymentIntentFunction", primingEvent("record-payment-intent"));
        lambda.invoke("CancelPaymentIntentFunction", primingEvent("cancel-payment-intent"));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the functions it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PaymentsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=recordPaymentIntent;cancelPaymentIntent")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("recordPaymentIntent", "cancelPaymentIntent");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
