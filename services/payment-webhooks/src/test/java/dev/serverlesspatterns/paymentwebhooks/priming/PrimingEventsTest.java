package dev.serverlesspatterns.paymentwebhooks.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentsDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing to the payments database.
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

    private static String primingEvent(String name) throws IOException {
        return new ClassPathResource("priming/" + name + ".json").getContentAsString(StandardCharsets.UTF_8);
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
