package dev.serverlesspatterns.e2e;

import static dev.serverlesspatterns.e2e.PaymentWebhooks.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Frugal Consumer: the webhook consumer's SQS event source has {@code ScalingConfig.MaximumConcurrency: 2} (and no
 * reserved concurrency, which would throttle polled messages into the DLQ). A burst waits in the queue rather than
 * fanning out: never more than two handlers at once, every message processed, nothing dead-lettered.
 */
@ExtendWith(LocalSuiteExtension.class)
class FrugalConsumerIT {

    private static final String CONSUMER = "RecordPaymentEventsFunction";
    private static final int MAXIMUM_CONCURRENCY = 2;

    @Test
    void aBurstOfTwoHundredWebhooksIsRecordedByAtMostTwoHandlersAtOnceWithNothingDeadLettered(LocalSuite suite)
            throws Exception {
        // given 160 distinct events and 40 of them posted twice, 200 posts in all, for accounts of this test only
        PaymentWebhooks provider = new PaymentWebhooks(suite);
        String accounts = "acct-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            bodies.add(webhook("evt-" + UUID.randomUUID(), accounts + (i % 16), 100 + i));
        }
        bodies.addAll(bodies.subList(0, 40));

        // when they arrive as a burst, 16 at a time, while the service's database connections are sampled
        try (SuiteDatabase.ConnectionSampler connections = provider.sampleServiceConnections()) {
            List<ShopApi.Response> responses = new ArrayList<>();
            try (ExecutorService posters = Executors.newFixedThreadPool(16)) {
                List<Future<ShopApi.Response>> posted = new ArrayList<>();
                for (String body : bodies) {
                    posted.add(posters.submit(() -> provider.post(body)));
                }
                for (Future<ShopApi.Response> response : posted) {
                    responses.add(response.get());
                }
            }

            // then all are acknowledged, and exactly the distinct events are recorded
            assertThat(responses)
                    .allSatisfy(response ->
                            assertThat(response.status()).as(response.body()).isEqualTo(202));
            // A message whose handling failed once comes back after the queue's 90 s visibility timeout, and is
            // recorded then: the bound leaves room for one redelivery, which still dead-letters nothing.
            await().atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> provider.recordedEvents(accounts), rows -> rows >= 160);
            try (SqsClient sqs = suite.stack().endpoint().configure(SqsClient.builder())) {
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> depth(sqs, suite.stack().ref("PaymentWebhooksQueue")) == 0);
                assertThat(provider.recordedEvents(accounts)).isEqualTo(160);

                // and nothing was throttled into the dead-letter queue
                assertThat(depth(sqs, suite.stack().ref("PaymentWebhooksDeadLetterQueue")))
                        .isZero();
            }

            // and the service never held more database connections than its pool allows
            assertThat(connections.peak())
                    .as("peak connections of application payment-webhooks")
                    .isBetween(1, PaymentWebhooks.POOL_BOUND);
        }

        // and the runtime never saw more than two invocations of the consumer in flight
        assertThat(suite.invocations().peakConcurrency(CONSUMER))
                .as("peak concurrent invocations of " + CONSUMER)
                .isBetween(1, MAXIMUM_CONCURRENCY);
    }

    private static int depth(SqsClient sqs, String queueUrl) {
        var attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
