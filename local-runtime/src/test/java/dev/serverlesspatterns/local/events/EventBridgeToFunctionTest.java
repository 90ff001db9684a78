package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.template.FunctionDefinition.EventBridgeRuleEvent;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** EventBridge rules targeting functions: matching events reach the function asynchronously, unchanged. */
@ExtendWith(SharedEmulator.class)
class EventBridgeToFunctionTest {

    private static final String FUNCTION = "NotifyFunction";
    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> AUDIT_PATTERN =
            Map.of("source", List.of("shop.audit"), "detail-type", List.of("AuditRecorded"));

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static EventBridgeClient events;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        events = emulator.endpoint().configure(EventBridgeClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        events.close();
    }

    @Test
    void deliversAMatchingEventOnceAndUnchanged() {
        // given a rule on a custom bus, which does not exist yet, for audit events
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        try (var rule = EventBridgeToFunction.start(sqs, events, "eb-test", ruleEvent("Audit"), "audit-bus", lambda)) {
            // when an event of another source and then a matching one are put on the bus
            put("audit-bus", "shop.orders", "AuditRecorded", "{\"orderId\":\"o-1000\"}");
            String eventId =
                    put("audit-bus", "shop.audit", "AuditRecorded", "{\"orderId\":\"o-1001\",\"action\":\"refund\"}");

            // then only the matching event reaches the function, once, with the envelope of an EventBridge event
            await().atMost(DELIVERY).until(() -> !lambda.accepted().isEmpty());
            await().during(Duration.ofSeconds(2))
                    .atMost(DELIVERY)
                    .until(() -> lambda.accepted().size() == 1);
            JsonNode event = lambda.eventsFor(FUNCTION).getFirst();
            assertThat(event.propertyNames())
                    .containsExactlyElementsOf(
                            EventFixtures.read("eventbridge-event.json").propertyNames());
            assertThat(event.path("account").asString()).isEqualTo(AwsEndpoint.ACCOUNT_ID);
            assertThat(event.path("id").asString()).isEqualTo(eventId);
            assertThat(event.path("source").asString()).isEqualTo("shop.audit");
            assertThat(event.path("detail-type").asString()).isEqualTo("AuditRecorded");
            assertThat(event.path("detail")).isEqualTo(JSON.readTree("{\"orderId\":\"o-1001\",\"action\":\"refund\"}"));
        }
    }

    @Test
    void listensOnTheDefaultBus() {
        // given a rule on the account's default bus
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        try (var rule = EventBridgeToFunction.start(sqs, events, "eb-test", ruleEvent("Default"), "default", lambda)) {
            // when a matching event is put without naming a bus
            put(null, "shop.audit", "AuditRecorded", "{\"orderId\":\"o-2000\"}");

            // then it reaches the function
            await().atMost(DELIVERY).until(() -> lambda.accepted().size() == 1);
            assertThat(lambda.accepted()
                            .getFirst()
                            .event()
                            .at("/detail/orderId")
                            .asString())
                    .isEqualTo("o-2000");
        }
    }

    @Test
    void handsTheFunctionWhatTheTargetsInputTransformerMakesOfTheEvent() {
        // given a rule whose target turns audit events into a request of the template's own shape
        Map<String, Object> transformer = Map.of(
                "InputPathsMap",
                Map.of("eventId", "$.id", "orderId", "$.detail.orderId"),
                "InputTemplate",
                "{\"requestId\":\"<eventId>\",\"text\":\"Order <orderId> was refunded\"}");
        RecordingAsyncInvoker lambda = new RecordingAsyncInvoker();
        try (var rule = EventBridgeToFunction.start(
                sqs, events, "eb-test", ruleEvent("Transformed", transformer), "transform-bus", lambda)) {

            // when a matching event is put on the bus
            String eventId = put(
                    "transform-bus", "shop.audit", "AuditRecorded", "{\"orderId\":\"o-3000\",\"action\":\"refund\"}");

            // then the function gets the transformed input, once, and no event envelope
            await().atMost(DELIVERY).until(() -> !lambda.accepted().isEmpty());
            await().during(Duration.ofSeconds(2))
                    .atMost(DELIVERY)
                    .until(() -> lambda.accepted().size() == 1);
            assertThat(lambda.eventsFor(FUNCTION).getFirst())
                    .isEqualTo(JSON.readTree(
                            "{\"requestId\":\"" + eventId + "\",\"text\":\"Order o-3000 was refunded\"}"));
        }
    }

    @Test
    void closingRemovesTheRuleAndItsQueue() {
        // given a running rule
        var rule = EventBridgeToFunction.start(
                sqs, events, "eb-test", ruleEvent("Closing"), "closing-bus", new RecordingAsyncInvoker());

        // when it is closed
        rule.close();

        // then neither the rule nor its internal queue is left
        assertThat(events.listRules(request -> request.eventBusName("closing-bus"))
                        .rules())
                .isEmpty();
        assertThat(sqs.listQueues(request -> request.queueNamePrefix("eb-test-" + FUNCTION + "-Closing"))
                        .queueUrls())
                .isEmpty();
    }

    private static String put(String bus, String source, String detailType, String detail) {
        return events.putEvents(request -> request.entries(PutEventsRequestEntry.builder()
                        .eventBusName(bus)
                        .source(source)
                        .detailType(detailType)
                        .detail(detail)
                        .build()))
                .entries()
                .getFirst()
                .eventId();
    }

    private static EventBridgeRuleEvent ruleEvent(String name) {
        return ruleEvent(name, Map.of());
    }

    private static EventBridgeRuleEvent ruleEvent(String name, Map<String, Object> inputTransformer) {
        return new EventBridgeRuleEvent(
                FUNCTION, name, AUDIT_PATTERN, "unused: the bus is passed resolved", 2, 600, null, inputTransformer);
    }
}
