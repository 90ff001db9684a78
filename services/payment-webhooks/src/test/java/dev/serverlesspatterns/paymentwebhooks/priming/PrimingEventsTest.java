package dev.serverlesspatterns.paymentwebhooks.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksApplication;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentsDatabase;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing to the payments database; the warm-up of
 * the writes the recorder's event cannot reach writes and enqueues nothing either.
 */
@PaymentWebhooksStack
class PrimingEventsTest {

    @BeforeEach
    void migrateTheDatabase(LambdaHarness lambda) {
        // As a deploy does before the consumers run (a no-op once migrated).
        lambda.createCustomResource("PaymentsSchemaMigration");
    }

    @ParameterizedTest
    @CsvSource({"RecordPaymentEventsFunction, record-payment-events", "ApplyLedgerEntriesFunction, apply-ledger-entries"
    })
    void refusesItsQueuedPrimingMessageWithoutWriting(
            String function, String event, LambdaHarness lambda, PaymentsDatabase database) throws IOException {
        // given
        List<Long> before = rowCounts(database);

        // when
        String answer = lambda.invoke(function, primingEvent(event));

        // then the message would return to its queue, and nothing was written
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"snapstart-priming\"}]}");
        assertThat(rowCounts(database)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({
        "VerifyWebhookSignatureFunction, verify-webhook-signature, Unauthorized",
        "MigratePaymentsSchemaFunction, migrate-payments-schema, snapstart-priming"
    })
    void refusesItsPrimingEventByFailingWithoutWriting(
            String function, String event, String failure, LambdaHarness lambda, PaymentsDatabase database)
            throws IOException {
        // given
        List<Long> before = rowCounts(database);
        String primingEvent = primingEvent(event);

        // when
        Throwable refusal = catchThrowable(() -> lambda.invoke(function, primingEvent));

        // then
        assertThat(refusal).isInstanceOf(LambdaFunctionException.class).hasMessageContaining(failure);
        assertThat(rowCounts(database)).isEqualTo(before);
    }

    @Test
    void warmsUpTheWritesOfRecordPaymentEventsWithoutWritingOrEnqueuing(
            LambdaHarness lambda, PaymentsDatabase database, ProvisionedStack stack) throws IOException {
        // given: the function's environment (set by its first invoke)
        lambda.invoke("RecordPaymentEventsFunction", primingEvent("record-payment-events"));
        List<Long> before = rowCounts(database);

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PaymentWebhooksApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=recordPaymentEvents")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("recordPaymentEvents");
        assertThat(rowCounts(database)).isEqualTo(before);
        try (SqsClient sqs = stack.client(SqsClient.builder())) {
            assertThat(sqs.receiveMessage(receive -> receive.queueUrl(stack.physicalName("AccountLedgerQueue"))
                                    .waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
        }
    }

    private static List<Long> rowCounts(PaymentsDatabase database) {
        return List.of("payment_events", "account_ledger").stream()
                .map(table -> database.jdbc()
                        .sql("SELECT count(*) FROM " + PaymentsDatabase.SCHEMA + "." + table)
                        .query(Long.class)
                        .single())
                .toList();
    }
}
