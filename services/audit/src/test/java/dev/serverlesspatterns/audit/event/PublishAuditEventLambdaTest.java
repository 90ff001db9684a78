package dev.serverlesspatterns.audit.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.local.testing.TopicTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code publishAuditEvent} through SCF's {@code FunctionInvoker}, as Lambda calls it, against the emulator's topic and
 * the queues the template subscribes to it. A tap on the topic sees every message the function published; only
 * messages about the test's own entity id are taken, others stay for their tests.
 */
@ExtendWith(LocalAwsExtension.class)
class PublishAuditEventLambdaTest {

    private static final String FUNCTION = "PublishAuditEventFunction";
    private static final String CREATED = "CreatedAuditQueue";
    private static final String NOT_CREATED = "NotCreatedAuditQueue";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final Duration NOTHING_MORE = Duration.ofSeconds(2);

    private TopicTap tap;
    private String entityId;

    @BeforeEach
    void tapTheTopic(ProvisionedStack stack) {
        tap = new TopicTap(stack, "AuditEventsTopic");
        entityId = "order-" + UUID.randomUUID();
    }

    @AfterEach
    void closeTheTap() {
        tap.close();
    }

    @Test
    void publishesACreatedEventToTheCreatedQueueOnlyAndAnswers202WithTheMessageId(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("publish-audit-event.json").body(event("created"));

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers())
                .containsOnlyKeys("Content-Type")
                .containsEntry("Content-Type", "application/json");
        assertThat(response.json().path("messageId").asString()).isNotBlank();
        List<Message> created = tap.take(CREATED, entityId, 1, DELIVERY);
        assertThat(created).singleElement().satisfies(message -> {
            assertThat(JSON.readTree(message.body()))
                    .as("raw delivery: the event itself, no SNS envelope")
                    .isEqualTo(JSON.readTree(request.body()));
            assertThat(attributes(message))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("entity", "order", "status", "created"));
        });
        assertThat(tap.take(CREATED, entityId, 1, NOTHING_MORE)).isEmpty();
        assertThat(tap.take(NOT_CREATED, entityId, 1, NOTHING_MORE)).isEmpty();
    }

    @Test
    void anEventWithAnotherStatusReachesOnlyTheAnythingButCreatedQueue(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("publish-audit-event.json").body(event("shipped"));

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(tap.take(NOT_CREATED, entityId, 1, DELIVERY)).singleElement().satisfies(message -> {
            assertThat(JSON.readTree(message.body())).isEqualTo(JSON.readTree(request.body()));
            assertThat(attributes(message))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("entity", "order", "status", "shipped"));
        });
        assertThat(tap.take(CREATED, entityId, 1, NOTHING_MORE)).isEmpty();
    }

    @Test
    void anEventWithoutStatusIsPublishedWithoutAStatusAttributeAndReachesNeitherQueue(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("publish-audit-event.json").body(event(null));

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then it was published, with the entity attribute only and no "status":null in the body ...
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(tap.published(entityId, 1, DELIVERY)).singleElement().satisfies(message -> {
            assertThat(JSON.readTree(message.body())).isEqualTo(JSON.readTree(request.body()));
            assertThat(attributes(message)).containsExactlyEntriesOf(Map.of("entity", "order"));
        });
        // ... and neither the allow-list nor the anything-but subscription let it through
        assertThat(tap.take(CREATED, entityId, 1, NOTHING_MORE)).isEmpty();
        assertThat(tap.take(NOT_CREATED, entityId, 1, NOTHING_MORE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"entity\":\"order\",\"status\":\"created\",\"detail\":{\"ref\":\"%s\"}}",
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"created\"}",
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"\",\"detail\":{}}",
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"Created\",\"detail\":{}}",
                "{\"entity\":\"Order Line\",\"entityId\":\"%s\",\"detail\":{}}",
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"detail\":\"created\"}",
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"detail\":{},\"published\":true}",
                "{\"entity\":\"order\",\"entityId\":\"%s\"",
            })
    void refusesAnInvalidBodyWith400AndPublishesNothing(String template, LambdaHarness lambda) {
        // given
        String body = template.formatted(entityId);

        // when
        ProxyResponse response =
                ApiEvent.fixture("publish-audit-event.json").body(body).sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.json().path("code").asString()).isIn("VALIDATION_FAILED", "MALFORMED_JSON");
        assertThat(tap.published(entityId, 1, NOTHING_MORE)).isEmpty();
    }

    @Test
    void refusesACallerWithoutTheAuditWriteScopeWith403AndPublishesNothing(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("publish-audit-event.json")
                .scopes("orders:read orders:write")
                .body(event("created"));

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(tap.published(entityId, 1, NOTHING_MORE)).isEmpty();
    }

    private String event(String status) {
        return status == null
                ? "{\"entity\":\"order\",\"entityId\":\"%s\",\"detail\":{\"totalCents\":3399,\"currency\":\"EUR\"}}"
                        .formatted(entityId)
                : "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"%s\",\"detail\":{\"totalCents\":3399}}"
                        .formatted(entityId, status);
    }

    private static Map<String, String> attributes(Message message) {
        return message.messageAttributes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> stringValue(entry.getValue())));
    }

    private static String stringValue(MessageAttributeValue value) {
        return value.stringValue();
    }
}
