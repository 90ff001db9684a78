package dev.serverlesspatterns.local.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.invoke.LambdaApiServer;
import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Queue depths by owning service for queue-depths.yaml provisioned in the emulator, read after real sends. */
@ExtendWith(SharedEmulator.class)
class QueueDepthsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The queue-depths route needs no function; an invoke reaching one is a bug in the route. */
    private static final LambdaInvoker NO_SYNC_INVOKES = (function, event) -> {
        throw new AssertionError("The queue depths invoked " + function);
    };

    private static final AsyncInvoker NO_ASYNC_INVOKES = (function, event) -> {
        throw new AssertionError("The queue depths invoked " + function);
    };

    private static AwsEmulator emulator;
    private static SqsClient sqs;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
    }

    @Test
    void reportsEachQueueUnderTheServiceThatOwnsItWithItsRole() throws URISyntaxException {
        // given the stack, with 3 messages sent to billing's queue, 1 of them received, and 1 in its dead-letter queue
        Stack stack = provision("depths-accessor");
        sendTo(stack, "BillingOrdersQueue", 3);
        sqs.receiveMessage(request -> request.queueUrl(stack.ref("BillingOrdersQueue"))
                .maxNumberOfMessages(1)
                .visibilityTimeout(60));
        sendTo(stack, "BillingOrdersDeadLetterQueue", 1);

        // when the depths are read
        List<ServiceQueues> services = QueueDepths.of(stack).read();

        // then billing owns its source queue and dead-letter queue with their counts
        assertThat(services).extracting(ServiceQueues::service).containsExactly("billing", "orders", "unconsumed");
        assertThat(services.getFirst().queues())
                .containsExactly(
                        new QueueDepth("BillingOrdersQueue", QueueRole.SOURCE, 2, 1, 0, "BillingOrdersDeadLetterQueue"),
                        new QueueDepth("BillingOrdersDeadLetterQueue", QueueRole.DEAD_LETTER, 1, 0, 0, null));
        // and orders owns its failures queue and the audit queue its topic feeds, with that queue's dead letters
        assertThat(services.get(1).queues())
                .extracting(QueueDepth::queue, QueueDepth::role, QueueDepth::deadLetterQueue)
                .containsExactly(
                        tuple("OrderAuditQueue", QueueRole.UNCONSUMED, "OrderAuditDeadLetterQueue"),
                        tuple("OrderAuditDeadLetterQueue", QueueRole.DEAD_LETTER, null),
                        tuple("PublishOrderFailuresQueue", QueueRole.ON_FAILURE, null));
        // and the queue nobody reads, fails into or publishes towards still shows
        assertThat(services.getLast().queues())
                .extracting(QueueDepth::queue, QueueDepth::role)
                .containsExactly(tuple("StrayQueue", QueueRole.UNCONSUMED));
    }

    @Test
    void theInvokeApiServesTheDepthsAsJson() throws URISyntaxException, IOException, InterruptedException {
        // given the Invoke API of the stack, with 2 messages in billing's queue and 1 in its dead-letter queue
        Stack stack = provision("depths-endpoint");
        sendTo(stack, "BillingOrdersQueue", 2);
        sendTo(stack, "BillingOrdersDeadLetterQueue", 1);

        // when an operator asks it for the queues
        HttpResponse<String> response;
        try (LambdaApiServer api = LambdaApiServer.start(stack, NO_SYNC_INVOKES, NO_ASYNC_INVOKES, 0);
                HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(
                    HttpRequest.newBuilder(api.endpoint().resolve(LambdaApiServer.QUEUES_PATH))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        // then the JSON lists billing's queues with their roles and depths
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode billing = StreamSupport.stream(
                        JSON.readTree(response.body()).get("services").spliterator(), false)
                .filter(service -> service.get("service").asString().equals("billing"))
                .findFirst()
                .orElseThrow();
        assertThat(JSON.convertValue(billing.get("queues"), List.class))
                .containsExactly(
                        Map.of(
                                "queue",
                                "BillingOrdersQueue",
                                "role",
                                "source",
                                "visible",
                                2,
                                "inFlight",
                                0,
                                "delayed",
                                0,
                                "deadLetterQueue",
                                "BillingOrdersDeadLetterQueue"),
                        Map.of(
                                "queue",
                                "BillingOrdersDeadLetterQueue",
                                "role",
                                "dead-letter",
                                "visible",
                                1,
                                "inFlight",
                                0,
                                "delayed",
                                0));
    }

    private static Stack provision(String stackName) throws URISyntaxException {
        SamTemplate template = SamTemplate.load(Path.of(QueueDepthsTest.class
                .getResource("/templates/queue-depths.yaml")
                .toURI()));
        return Provisioner.provision(template, emulator.endpoint(), stackName, Map.of());
    }

    private static void sendTo(Stack stack, String queue, int messages) {
        for (int message = 0; message < messages; message++) {
            String body = "{\"message\":" + message + "}";
            sqs.sendMessage(request -> request.queueUrl(stack.ref(queue)).messageBody(body));
        }
    }
}
