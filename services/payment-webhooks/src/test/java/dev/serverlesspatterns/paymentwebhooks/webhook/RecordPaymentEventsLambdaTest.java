package dev.serverlesspatterns.paymentwebhooks.webhook;

import static dev.serverlesspatterns.local.testing.SqsEvents.body;
import static dev.serverlesspatterns.local.testing.SqsEvents.event;
import static dev.serverlesspatterns.local.testing.SqsEvents.failedIds;
import static dev.serverlesspatterns.local.testing.SqsEvents.redelivered;
import static dev.serverlesspatterns.local.testing.SqsEvents.withAttribute;
import static dev.serverlesspatterns.local.testing.SqsEvents.withoutAttribute;
import static dev.serverlesspatterns.paymentwebhooks.webhook.WebhookMessages.CONTENT_DIGEST;
import static dev.serverlesspatterns.paymentwebhooks.webhook.WebhookMessages.newMessage;
import static dev.serverlesspatterns.paymentwebhooks.webhook.WebhookMessages.withForgedBody;
import static dev.serverlesspatterns.paymentwebhooks.webhook.WebhookMessages.withSignedBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentWebhooksStack;
import dev.serverlesspatterns.paymentwebhooks.PaymentsDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook consumer through SCF's FunctionInvoker, fed the SQS events Lambda's event source mapping delivers from
 * the webhook queue, writing to the real payments database and sending to the FIFO ledger queue in the emulator.
 */
@PaymentWebhooksStack
class RecordPaymentEventsLambdaTest {

    private static final String FUNCTION = "RecordPaymentEventsFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PaymentsDatabase database;
    private LedgerQueueProbe ledgerQueue;

    @BeforeEach
    void setUp(PaymentsDatabase database, ProvisionedStack stack, LambdaHarness lambda) {
        // As a deploy does before the consumers run (a no-op once migrated).
        lambda.createCustomResource("PaymentsSchemaMigration");
        this.database = database;
        this.ledgerQueue = new LedgerQueueProbe(stack);
        ledgerQueue.drain();
    }

    @AfterEach
    void closeQueue() {
        ledgerQueue.close();
    }

    @Test
    void recordsANewEventAndSendsItsLedgerEntryToTheAccountsGroup(LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        ObjectNode webhook = body(message);
        String eventId = webhook.get("eventId").asString();
        String accountId = webhook.get("accountId").asString();

        // when
        String output = lambda.invoke(FUNCTION, event(message));

        // then the event is recorded with the body exactly as signed
        assertThat(failedIds(output)).isEmpty();
        Map<String, Object> row = recordedEvent(eventId);
        assertThat(row)
                .containsEntry("event_type", "payment.captured")
                .containsEntry("account_id", accountId)
                .containsEntry("payment_id", "pay_7Hc2Lq")
                .containsEntry("amount_cents", 4999L)
                .containsEntry("currency", "EUR")
                .containsEntry("body", message.get("body").asString());
        assertThat(((Timestamp) row.get("occurred_at")).toInstant())
                .isEqualTo(Instant.parse("2026-11-03T10:15:31.207Z"));

        // and its ledger entry waits in the account's message group, deduplicated by the event id
        List<Message> sent = ledgerQueue.drainAccount(accountId);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().attributes())
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, eventId);
        JsonNode entry = JSON.readTree(sent.getFirst().body());
        assertThat(entry.get("entryId").asString()).isEqualTo(eventId);
        assertThat(entry.get("accountId").asString()).isEqualTo(accountId);
        assertThat(entry.get("amountCents").asLong()).isEqualTo(4999L);
        assertThat(Instant.parse(entry.get("occurredAt").asString()))
                .isEqualTo(Instant.parse("2026-11-03T10:15:31.207Z"));
    }

    @Test
    void aRefundBecomesADebitOfTheAccount(LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        ObjectNode refund = body(message).put("eventType", "payment.refunded").put("amountCents", 1500);
        ObjectNode signed = withSignedBody(message, refund.toString());

        // when
        String output = lambda.invoke(FUNCTION, event(signed));

        // then
        assertThat(failedIds(output)).isEmpty();
        List<Message> sent = ledgerQueue.drainAccount(refund.get("accountId").asString());
        assertThat(JSON.readTree(sent.getFirst().body()).get("amountCents").asLong())
                .isEqualTo(-1500L);
    }

    @Test
    void theProvidersRetryOfAnEventAddsNoRowAndItsLedgerEntryIsDroppedBySqsDeduplication(LambdaHarness lambda) {
        // given an event recorded once
        ObjectNode message = newMessage();
        String eventId = body(message).get("eventId").asString();
        lambda.invoke(FUNCTION, event(message));
        Map<String, Object> first = recordedEvent(eventId);

        // when the provider posts it again, and the two deliveries even share a batch
        String output = lambda.invoke(FUNCTION, event(redelivered(message), redelivered(message)));

        // then nothing is reported, the row is unchanged, and one ledger entry is queued
        assertThat(failedIds(output)).isEmpty();
        assertThat(eventCount(eventId)).isEqualTo(1);
        assertThat(recordedEvent(eventId)).isEqualTo(first);
        assertThat(ledgerQueue.drainAccount(body(message).get("accountId").asString()))
                .hasSize(1);
    }

    @Test
    void aRedeliveryOfAnEventRecordedBeforeItsLedgerEntryWasSentStillSendsIt(LambdaHarness lambda) {
        // given a delivery that recorded the event and then failed to send the ledger entry: the row exists, the
        // ledger queue holds nothing
        ObjectNode message = newMessage();
        String accountId = body(message).get("accountId").asString();
        lambda.invoke(FUNCTION, event(message));
        ledgerQueue.drain();

        // when the message comes back
        String output = lambda.invoke(FUNCTION, event(redelivered(message)));

        // then the entry is sent now
        assertThat(failedIds(output)).isEmpty();
        assertThat(ledgerQueue.drainAccount(accountId)).hasSize(1);
    }

    @Test
    void aForgedBodyUnderAReplayedDigestIsNeverWrittenNorForwarded(LambdaHarness lambda) {
        // given a signed webhook whose body was swapped for another account's larger amount, digest kept
        ObjectNode genuine = newMessage();
        ObjectNode forgedWebhook = body(genuine).put("amountCents", 99999999);
        ObjectNode forged = withForgedBody(genuine, forgedWebhook.toString());

        // when
        String output = lambda.invoke(FUNCTION, event(forged));

        // then it is reported (so it goes to the DLQ after maxReceiveCount), and nothing was written or sent
        assertThat(failedIds(output)).containsExactly(forged.get("messageId").asString());
        assertThat(eventCount(forgedWebhook.get("eventId").asString())).isZero();
        assertThat(ledgerQueue.drainAccount(forgedWebhook.get("accountId").asString()))
                .isEmpty();
    }

    @Test
    void aBatchWithOneBadRecordReportsExactlyThatRecord(LambdaHarness lambda) {
        // given three messages, the middle one not even JSON
        ObjectNode good1 = newMessage();
        ObjectNode bad = withSignedBody(newMessage(), "{\"eventId\":");
        ObjectNode good2 = newMessage();

        // when they arrive in one batch
        String output = lambda.invoke(FUNCTION, event(good1, bad, good2));

        // then only the bad one comes back; the good ones are recorded
        assertThat(failedIds(output)).containsExactly(bad.get("messageId").asString());
        assertThat(eventCount(body(good1).get("eventId").asString())).isEqualTo(1);
        assertThat(eventCount(body(good2).get("eventId").asString())).isEqualTo(1);
    }

    static Stream<Arguments> unreadableMessages() {
        return Stream.of(
                unreadable("no ContentDigest attribute", message -> withoutAttribute(message, CONTENT_DIGEST)),
                unreadable(
                        "a digest that is no sha-256", message -> withAttribute(message, CONTENT_DIGEST, "md5=:AAAA:")),
                unreadable("body not JSON", message -> withSignedBody(message, "not json")),
                unreadable(
                        "a key named twice, each value valid",
                        message -> withSignedBody(
                                message, body(message).toString().replaceFirst("\\{", "{\"amountCents\":1,"))),
                unreadable("missing eventId", message -> {
                    ObjectNode webhook = body(message);
                    webhook.remove("eventId");
                    return withSignedBody(message, webhook.toString());
                }),
                unreadable(
                        "unknown field",
                        message -> withSignedBody(
                                message, body(message).put("discount", 5).toString())),
                unreadable(
                        "zero amount",
                        message -> withSignedBody(
                                message, body(message).put("amountCents", 0).toString())),
                unreadable(
                        "lowercase currency",
                        message -> withSignedBody(
                                message, body(message).put("currency", "eur").toString())),
                unreadable(
                        "unknown event type",
                        message -> withSignedBody(
                                message,
                                body(message)
                                        .put("eventType", "payment.disputed")
                                        .toString())),
                unreadable(
                        "timestamp with an offset",
                        message -> withSignedBody(
                                message,
                                body(message)
                                        .put("occurredAt", "2026-11-03T11:15:31+01:00")
                                        .toString())));
    }

    private static Arguments unreadable(String name, UnaryOperator<ObjectNode> spoil) {
        return Arguments.of(name, spoil);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableMessages")
    void anUnreadableMessageIsReportedAndNothingIsRecordedOrSent(
            String name, UnaryOperator<ObjectNode> spoil, LambdaHarness lambda) {
        // given
        ObjectNode message = newMessage();
        String eventId = body(message).get("eventId").asString();
        String accountId = body(message).get("accountId").asString();
        ObjectNode spoiled = spoil.apply(message);

        // when
        String output = lambda.invoke(FUNCTION, event(spoiled));

        // then
        assertThat(failedIds(output)).containsExactly(spoiled.get("messageId").asString());
        assertThat(eventCount(eventId)).isZero();
        assertThat(ledgerQueue.drainAccount(accountId)).isEmpty();
    }

    private Map<String, Object> recordedEvent(String eventId) {
        return database.jdbc()
                .sql("SELECT * FROM " + PaymentsDatabase.SCHEMA + ".payment_events WHERE provider_event_id = ?")
                .param(eventId)
                .query()
                .singleRow();
    }

    private long eventCount(String eventId) {
        return database.jdbc()
                .sql("SELECT count(*) FROM " + PaymentsDatabase.SCHEMA + ".payment_events WHERE provider_event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }
}
