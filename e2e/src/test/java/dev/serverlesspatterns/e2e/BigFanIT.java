package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Big Fan: {@code POST /audit/events} publishes to AuditEventsTopic with {@code entity} and {@code status} as
 * message attributes; CreatedAuditQueue subscribes with {@code {"status":["created"]}}, NotCreatedAuditQueue with
 * {@code {"status":[{"anything-but":["created"]}]}}, both with raw delivery. SNS's semantics hold exactly: a message
 * without the status attribute matches neither, not even the anything-but (checked against the emulator, which needs
 * no correction for it).
 *
 * <p>Each test works on its own entity id and takes only messages about it off the queues: it polls until what it
 * expects arrived (bounded), then listens a little longer to prove that nothing else comes.
 */
@ExtendWith(LocalSuiteExtension.class)
class BigFanIT {

    private static final String CREATED_QUEUE = "CreatedAuditQueue";
    private static final String NOT_CREATED_QUEUE = "NotCreatedAuditQueue";
    private static final Duration DELIVERY = Duration.ofSeconds(15);
    private static final Duration NOTHING_MORE = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ShopApi api;
    private Identities identities;
    private SqsClient sqs;
    private LocalSuite suite;
    private String entityId;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.identities = new Identities(api, suite);
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.entityId = "order-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        sqs.close();
    }

    @Test
    void createdReachesTheCreatedQueueShippedTheAnythingButQueueAndAnEventWithoutStatusNeither() {
        // given a service allowed to report audit events
        String token = identities.token(identities.newUser("audit:write"));
        String created = event("created");
        String shipped = event("shipped");
        String withoutStatus = event(null);

        // when it reports an order created, the order shipped, and an event without status
        for (String event : List.of(created, shipped, withoutStatus)) {
            ShopApi.Response published = api.request("POST", "/audit/events")
                    .bearer(token)
                    .json(event)
                    .send();
            assertThat(published.status()).as(published.body()).isEqualTo(202);
            assertThat(published.json().get("messageId").asString()).isNotBlank();
        }

        // then each queue gets exactly its one message, the raw event, and the event without status reaches neither
        List<Message> createdQueue = new ArrayList<>();
        List<Message> notCreatedQueue = new ArrayList<>();
        Instant deadline = Instant.now().plus(DELIVERY);
        while ((createdQueue.isEmpty() || notCreatedQueue.isEmpty())
                && Instant.now().isBefore(deadline)) {
            createdQueue.addAll(takeAboutEntity(CREATED_QUEUE));
            notCreatedQueue.addAll(takeAboutEntity(NOT_CREATED_QUEUE));
        }
        Instant quietUntil = Instant.now().plus(NOTHING_MORE);
        while (Instant.now().isBefore(quietUntil)) {
            createdQueue.addAll(takeAboutEntity(CREATED_QUEUE));
            notCreatedQueue.addAll(takeAboutEntity(NOT_CREATED_QUEUE));
        }
        assertThat(createdQueue).singleElement().satisfies(message -> {
            assertThat(JSON.readTree(message.body())).isEqualTo(JSON.readTree(created));
            assertThat(message.messageAttributes().get("status").stringValue()).isEqualTo("created");
            assertThat(message.messageAttributes().get("entity").stringValue()).isEqualTo("order");
        });
        assertThat(notCreatedQueue).singleElement().satisfies(message -> {
            assertThat(JSON.readTree(message.body())).isEqualTo(JSON.readTree(shipped));
            assertThat(message.messageAttributes().get("status").stringValue()).isEqualTo("shipped");
        });
    }

    @Test
    void anInvalidEventIsRefusedWith400AndNothingIsPublished() {
        // given a service allowed to report audit events
        String token = identities.token(identities.newUser("audit:write"));

        // when it reports events that break the contract, each with the code it must be refused with
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put(
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"created\"}".formatted(entityId),
                "VALIDATION_FAILED");
        invalid.put(
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"\",\"detail\":{}}".formatted(entityId),
                "VALIDATION_FAILED");
        invalid.put(
                "{\"entity\":\"order\",\"entityId\":\"%s\",\"status\":\"created\",\"detail\":{},\"x\":1}"
                        .formatted(entityId),
                "VALIDATION_FAILED");
        invalid.put("{\"entity\":\"order\",\"entityId\":\"%s\"".formatted(entityId), "MALFORMED_JSON");
        invalid.forEach((body, code) -> {
            ShopApi.Response response = api.request("POST", "/audit/events")
                    .bearer(token)
                    .json(body)
                    .send();

            // then each gets a machine-readable 400
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("code").asString()).as(body).isEqualTo(code);
        });

        // and both queues stay empty of them
        assertNothingArrives();
    }

    @Test
    void aCallerWithoutTheAuditWriteScopeIsRefusedWith403AndNothingIsPublished() {
        // given a customer whose token carries the orders scopes only
        String token = identities.token(identities.newUser("orders:read", "orders:write"));

        // when it reports an event
        ShopApi.Response response = api.request("POST", "/audit/events")
                .bearer(token)
                .json(event("created"))
                .send();

        // then it is refused, and nothing is published
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertNothingArrives();
    }

    private String event(String status) {
        JsonNode detail = JSON.readTree("{\"customerId\":\"customer-0001\",\"totalCents\":3399}");
        var event = JSON.createObjectNode().put("entity", "order").put("entityId", entityId);
        if (status != null) {
            event.put("status", status);
        }
        event.set("detail", detail);
        return JSON.writeValueAsString(event);
    }

    private void assertNothingArrives() {
        List<Message> arrived = new ArrayList<>();
        Instant quietUntil = Instant.now().plus(NOTHING_MORE);
        while (Instant.now().isBefore(quietUntil)) {
            arrived.addAll(takeAboutEntity(CREATED_QUEUE));
            arrived.addAll(takeAboutEntity(NOT_CREATED_QUEUE));
        }
        assertThat(arrived).isEmpty();
    }

    /** One long poll of a queue; takes off the messages about this test's entity and leaves the others. */
    private List<Message> takeAboutEntity(String queue) {
        String queueUrl = suite.stack().ref(queue);
        List<Message> taken = new ArrayList<>();
        for (Message message : sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(1)
                        .messageAttributeNames("All"))
                .messages()) {
            if (message.body().contains(entityId)) {
                taken.add(message);
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return taken;
    }
}
