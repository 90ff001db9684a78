package dev.serverlesspatterns.invoicing.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.invoicing.InvoicingApplication;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
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
 * function's request path to the answer it was chosen for, and writes nothing; the warm-up of the write the event
 * cannot reach writes nothing either.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({"RecordInvoiceFunction, record-invoice"})
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
    void warmsUpTheWriteOfRecordInvoiceWithoutWriting(LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given: the function's environment (set by its first invoke)
        lambda.invoke("RecordInvoiceFunction", primingEvent("record-invoice"));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(InvoicingApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=recordInvoice")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("recordInvoice");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
