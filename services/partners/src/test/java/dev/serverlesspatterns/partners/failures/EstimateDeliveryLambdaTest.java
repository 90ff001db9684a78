package dev.serverlesspatterns.partners.failures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.partners.PartnerSandboxExtension;
import dev.serverlesspatterns.partners.PartnerTables;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /delivery-estimates} through SCF's FunctionInvoker: the EventBridge breaker counts the failures the
 * recorder stored (here recorded through its own function, as the rule would), and publishes the calls that fail.
 */
@ExtendWith({PartnerSandboxExtension.class, LocalAwsExtension.class})
class EstimateDeliveryLambdaTest {

    private static final String FUNCTION = "EstimateDeliveryFunction";
    private static final String TARGET = "delivery-estimates";

    private PartnerTables tables;

    @BeforeEach
    void noFailures(ProvisionedStack stack) {
        tables = new PartnerTables(stack);
        tables.clearFailures();
    }

    @AfterEach
    void disconnect() {
        tables.close();
    }

    @Test
    void answersThePartnersEstimate(LambdaHarness lambda, PartnerSandbox sandbox) {
        // when
        ProxyResponse response = ApiEvent.fixture("estimate-delivery.json").sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("days").asInt()).isEqualTo(3);
        assertThat(sandbox.requests()).isEqualTo(1);
    }

    @Test
    void failsFastWhileThreeFailuresAreUnexpired(LambdaHarness lambda, PartnerSandbox sandbox) {
        // given three failures recorded just now
        recordFailures(lambda, 3, Instant.now());

        // when
        ProxyResponse response = ApiEvent.fixture("estimate-delivery.json").sendTo(lambda, FUNCTION);

        // then the call fails fast, until the oldest of them expires
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.problemCode()).isEqualTo("PARTNER_UNAVAILABLE");
        assertThat(Long.parseLong(response.header("Retry-After"))).isBetween(55L, 60L);
        assertThat(sandbox.requests()).isZero();
    }

    @Test
    void expiredFailuresDoNotCountThoughTheyAreStillStored(LambdaHarness lambda, PartnerSandbox sandbox) {
        // given three failures older than the window (the emulator, like TTL for a while, still holds them)
        recordFailures(lambda, 3, Instant.now().minus(Duration.ofSeconds(61)));
        assertThat(tables.failures()).hasSize(3);

        // when
        ProxyResponse response = ApiEvent.fixture("estimate-delivery.json").sendTo(lambda, FUNCTION);

        // then the call goes through
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(sandbox.requests()).isEqualTo(1);
    }

    @Test
    void aFailedCallIsPublishedAsPartnerCallFailed(
            LambdaHarness lambda, PartnerSandbox sandbox, ProvisionedStack stack) {
        // given a queue that receives the bus's partner failures, and a partner that answers 503
        String bus = stack.physicalName("PartnerEventsBus");
        String rule = "test-partner-failures-" + UUID.randomUUID().toString().substring(0, 8);
        try (SqsClient sqs = stack.client(SqsClient.builder());
                EventBridgeClient events = stack.client(EventBridgeClient.builder())) {
            String queueUrl = sqs.createQueue(queue -> queue.queueName(rule)).queueUrl();
            String queueArn = sqs.getQueueAttributes(
                            attributes -> attributes.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            events.putRule(put ->
                    put.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"serverlesspatterns.partners\"]}"));
            events.putTargets(put -> put.rule(rule)
                    .eventBusName(bus)
                    .targets(target -> target.id("test").arn(queueArn)));
            sandbox.inject(503, 0, 1);

            // when
            ProxyResponse response = ApiEvent.fixture("estimate-delivery.json").sendTo(lambda, FUNCTION);

            // then the caller gets 502, and the failure is on the bus for the recorder
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.problemCode()).isEqualTo("PARTNER_ERROR");
            Message published = sqs.receiveMessage(
                            receive -> receive.queueUrl(queueUrl).waitTimeSeconds(5))
                    .messages()
                    .getFirst();
            JsonNode event = JsonMapper.builder().build().readTree(published.body());
            assertThat(event.get("detail-type").asString()).isEqualTo("PartnerCallFailed");
            assertThat(event.get("detail").get("target").asString()).isEqualTo(TARGET);
            assertThat(event.get("detail").get("reason").asString()).contains("503");
        }
    }

    private static void recordFailures(LambdaHarness lambda, int count, Instant failedAt) {
        for (int i = 0; i < count; i++) {
            lambda.invoke(
                    "RecordPartnerFailureFunction",
                    RecordPartnerFailureLambdaTest.failure(UUID.randomUUID().toString(), TARGET, failedAt.toString())
                            .toString());
        }
    }
}
