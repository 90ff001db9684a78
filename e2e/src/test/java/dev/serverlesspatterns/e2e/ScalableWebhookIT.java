package dev.serverlesspatterns.e2e;

import static dev.serverlesspatterns.e2e.PaymentWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Scalable Webhook: the provider posts signed webhooks to {@code POST /webhooks/payments} of PaymentWebhooksApi; the
 * gateway checks signature and schema and sends the body straight to the webhook queue (no function before the 202);
 * the consumer, at most two at a time, records each event once in Postgres through a pool of two connections.
 * Everything is wired by infra/template.yaml and goes through the gateway URL.
 */
@ExtendWith(LocalSuiteExtension.class)
class ScalableWebhookIT {

    private static final String CONSUMER = "RecordPaymentEventsFunction";

    private LocalSuite suite;
    private PaymentWebhooks provider;
    private SqsClient sqs;
    private String accounts;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.provider = new PaymentWebhooks(suite);
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.accounts = "acct-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @AfterEach
    void disconnect() {
        sqs.close();
    }

    @Test
    void hundredPostsWithFiveDuplicateEventIdsBecomeNinetyFiveRowsWithinTheConnectionBound() throws Exception {
        // given 95 distinct events and 5 of them posted a second time (the provider retries), 100 posts in all
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            bodies.add(webhook("evt-" + UUID.randomUUID(), accounts + (i % 10), 100 + i));
        }
        bodies.addAll(bodies.subList(0, 5));

        // when they are posted 8 at a time, while the service's database connections are sampled
        List<ShopApi.Response> responses;
        try (SuiteDatabase.ConnectionSampler connections = provider.sampleServiceConnections()) {
            responses = postConcurrently(bodies);

            // then every post is acknowledged at once, and the table ends with exactly the 95 distinct events
            assertThat(responses).allSatisfy(response -> {
                assertThat(response.status()).as(response.body()).isEqualTo(202);
                assertThat(response.json().get("status").asString()).isEqualTo("accepted");
            });
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> provider.recordedEvents(accounts), rows -> rows >= 95);
            SettledRuns.of(suite, CONSUMER);
            assertThat(provider.recordedEvents(accounts)).isEqualTo(95);

            // and the service never held more database connections than its pool allows
            assertThat(connections.peak())
                    .as("peak connections of application payment-webhooks")
                    .isBetween(1, PaymentWebhooks.POOL_BOUND);
        }
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aBadSignatureIsRefusedWith401BadSignatureAndNothingIsQueued() {
        // given a valid webhook and signatures that are wrong in each way a caller can get them wrong
        String eventId = "evt-" + UUID.randomUUID();
        String body = webhook(eventId, accounts + "0", 4999);
        Map<String, Map<String, String>> badHeaders = new HashMap<>();
        badHeaders.put(
                "signed with another key",
                provider.signedHeaders(body, Instant.now(), "not-the-secret".getBytes(StandardCharsets.UTF_8)));
        badHeaders.put(
                "signed six minutes ago",
                provider.signedHeaders(body, Instant.now().minusSeconds(360)));
        badHeaders.put(
                "signature of another body",
                withHeader(
                        provider.signedHeaders(body, Instant.now()),
                        "Content-Digest",
                        PaymentWebhooks.contentDigest(webhook(eventId, accounts + "0", 1))));
        badHeaders.put("no signature", without(provider.signedHeaders(body, Instant.now()), "Webhook-Signature"));
        badHeaders.put("no timestamp", without(provider.signedHeaders(body, Instant.now()), "Webhook-Timestamp"));
        badHeaders.put("no Content-Digest", without(provider.signedHeaders(body, Instant.now()), "Content-Digest"));
        badHeaders.put("no headers", Map.of());
        int consumerRuns = SettledRuns.of(suite, CONSUMER);

        badHeaders.forEach((name, headers) -> {
            // when
            ShopApi.Response response = provider.post(body, headers);

            // then
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).as(name).isEqualTo("BAD_SIGNATURE");
        });

        // and nothing reached the queue: the consumer never ran and the event is not recorded
        assertThat(SettledRuns.of(suite, CONSUMER)).isEqualTo(consumerRuns);
        assertThat(provider.recorded(eventId)).isFalse();
    }

    @Test
    void malformedSchemaViolatingAndOversizedBodiesAre4xxAndNothingIsQueued() {
        // given correctly signed bodies that are no valid webhook
        String eventId = "evt-" + UUID.randomUUID();
        String valid = webhook(eventId, accounts + "0", 4999);
        Map<String, String> invalid = new HashMap<>();
        invalid.put("malformed JSON", valid.substring(0, valid.length() - 1));
        invalid.put("missing eventId", valid.replace("\"eventId\":\"" + eventId + "\",", ""));
        invalid.put("unknown field", valid.replace("}", ",\"discount\":5}"));
        invalid.put("negative amount", valid.replace("4999", "-4999"));
        invalid.put("string over its maxLength", valid.replace("pay_" + eventId, "p".repeat(101)));
        invalid.put("a JSON array", "[" + valid + "]");
        int consumerRuns = SettledRuns.of(suite, CONSUMER);

        invalid.forEach((name, body) -> {
            // when
            ShopApi.Response response = provider.post(body);

            // then
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).as(name).isEqualTo("INVALID_WEBHOOK");
        });

        // when the body is larger than API Gateway's 10 MB payload limit
        String oversized = valid.replace("pay_" + eventId, "p".repeat(10 * 1024 * 1024));
        ShopApi.Response tooLarge = provider.post(oversized);

        // then
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("WEBHOOK_TOO_LARGE");

        // and nothing reached the queue
        assertThat(SettledRuns.of(suite, CONSUMER)).isEqualTo(consumerRuns);
        assertThat(provider.recorded(eventId)).isFalse();
    }

    @Test
    void aForgedBodyUnderAReplayedSignatureIsAcceptedButDeadLetteredWithItsBodyAfterThreeReceives() {
        // given the webhook queue's visibility timeout shortened from 90 s to 1 s for this test, so that three receives
        // take seconds (the redrive policy, maxReceiveCount 3, is the template's); messages are held 2 s on arrival so
        // that no receive that started before the change (with the 90 s timeout) can take one
        String queueUrl = suite.stack().ref("PaymentWebhooksQueue");
        Map<QueueAttributeName, String> template = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.DELAY_SECONDS))
                .attributes();
        String genuine = webhook("evt-" + UUID.randomUUID(), accounts + "0", 4999);
        String forgedEventId = "evt-" + UUID.randomUUID();
        String forged = webhook(forgedEventId, accounts + "0", 99999999);
        int consumerRuns = SettledRuns.of(suite, CONSUMER);
        try {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl)
                    .attributes(
                            Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1", QueueAttributeName.DELAY_SECONDS, "2")));

            // when someone replays the headers of a genuine webhook with a body of their own: the signature covers
            // timestamp and digest, which are genuine, so the gateway accepts it
            ShopApi.Response response = provider.post(forged, provider.signedHeaders(genuine, Instant.now()));
            assertThat(response.status()).as(response.body()).isEqualTo(202);

            // then the consumer refuses it on every receive (the body does not hash to the signed digest), and after
            // three receives it lies in the dead-letter queue exactly as it was posted, never recorded
            List<Message> deadLettered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        deadLettered.addAll(takeDeadLetters(forged));
                        return !deadLettered.isEmpty();
                    });
            assertThat(deadLettered).hasSize(1);
            Message deadLetter = deadLettered.getFirst();
            assertThat(deadLetter.body()).isEqualTo(forged);
            assertThat(deadLetter.messageAttributes().get("ContentDigest").stringValue())
                    .isEqualTo(PaymentWebhooks.contentDigest(genuine));
            assertThat(SettledRuns.of(suite, CONSUMER)).as("receives").isEqualTo(consumerRuns + 3);
            assertThat(provider.recorded(forgedEventId)).isFalse();
        } finally {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl).attributes(template));
        }
    }

    @Test
    void aWebhookWithAKeyNamedTwiceIsAcceptedButNeverRecordedAndDeadLetteredAsPosted() {
        // given a signed webhook that names amountCents twice, each value valid: the gateway's schema validation, like
        // API Gateway's, lets the last one win, so the question is what the consumer does with it. The queue's
        // visibility timeout is shortened to 1 s for this test, as in the forged-body test below
        String queueUrl = suite.stack().ref("PaymentWebhooksQueue");
        Map<QueueAttributeName, String> template = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.DELAY_SECONDS))
                .attributes();
        String eventId = "evt-" + UUID.randomUUID();
        String twice =
                "{\"amountCents\":1," + webhook(eventId, accounts + "0", 4999).substring(1);
        int consumerRuns = SettledRuns.of(suite, CONSUMER);
        try {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl)
                    .attributes(
                            Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1", QueueAttributeName.DELAY_SECONDS, "2")));

            // when the provider posts it
            ShopApi.Response response = provider.post(twice);

            // then it is queued, refused by the consumer on every receive (which amount counts is not its guess), and
            // after three receives lies in the dead-letter queue exactly as posted, never recorded
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            List<Message> deadLettered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        deadLettered.addAll(takeDeadLetters(twice));
                        return !deadLettered.isEmpty();
                    });
            assertThat(deadLettered)
                    .singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo(twice));
            assertThat(SettledRuns.of(suite, CONSUMER)).as("receives").isEqualTo(consumerRuns + 3);
            assertThat(provider.recorded(eventId)).isFalse();
        } finally {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl).attributes(template));
        }
    }

    private List<ShopApi.Response> postConcurrently(List<String> bodies) throws Exception {
        try (ExecutorService posters = Executors.newFixedThreadPool(8)) {
            List<Future<ShopApi.Response>> posted = new ArrayList<>();
            for (String body : bodies) {
                posted.add(posters.submit(() -> provider.post(body)));
            }
            List<ShopApi.Response> responses = new ArrayList<>();
            for (Future<ShopApi.Response> response : posted) {
                responses.add(response.get());
            }
            return responses;
        }
    }

    /** Takes the dead letters with this body off the DLQ; others reappear after their timeout. */
    private List<Message> takeDeadLetters(String body) {
        String dlq = suite.stack().ref("PaymentWebhooksDeadLetterQueue");
        List<Message> found = new ArrayList<>();
        for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(dlq)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages()) {
            if (message.body().equals(body)) {
                found.add(message);
                sqs.deleteMessage(delete -> delete.queueUrl(dlq).receiptHandle(message.receiptHandle()));
            }
        }
        return found;
    }

    private List<Message> deadLetters() {
        return sqs.receiveMessage(receive -> receive.queueUrl(suite.stack().ref("PaymentWebhooksDeadLetterQueue"))
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(0))
                .messages();
    }

    /** The consumer's run count once it has stopped changing. */
    private static Map<String, String> withHeader(Map<String, String> headers, String name, String value) {
        Map<String, String> changed = new HashMap<>(headers);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> changed = new HashMap<>(headers);
        changed.remove(name);
        return changed;
    }
}
