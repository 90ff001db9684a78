package dev.serverlesspatterns.local.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queues, topics, subscriptions and rules of a template, created in the emulator and behaving like AWS. */
@ExtendWith(SharedEmulator.class)
class MessagingProvisionerTest {

    private static final Duration DELIVERY = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static SnsClient sns;
    private static Stack stack;

    @BeforeAll
    static void provisionTheMessagingTemplate(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
        stack = Provisioner.provision(messagingTemplate(), emulator.endpoint(), "messaging-test", Map.of());
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
        sns.close();
    }

    @Test
    void createsQueuesWithTheirAttributesAndRedrivePolicies() {
        // when the work queue and its dead-letter queue are read back from the emulator
        Map<String, String> work = attributes(stack.ref("WorkQueue"));
        Map<String, String> deadLetters = attributes(stack.ref("WorkDeadLetterQueue"));

        // then they carry the template's settings, the redrive policy naming the dead-letter queue's ARN
        assertThat(work).containsEntry("VisibilityTimeout", "60");
        assertThat(deadLetters).containsEntry("MessageRetentionPeriod", "1209600");
        JsonNode redrive = JSON.readTree(work.get("RedrivePolicy"));
        assertThat(redrive.get("deadLetterTargetArn").asString())
                .isEqualTo(stack.attribute("WorkDeadLetterQueue", "Arn"))
                .isEqualTo(deadLetters.get("QueueArn"));
        assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(3);
        assertThat(stack.attribute("WorkQueue", "QueueUrl")).isEqualTo(stack.ref("WorkQueue"));
        assertThat(stack.attribute("WorkQueue", "QueueName")).isEqualTo("messaging-test-WorkQueue");
    }

    @Test
    void namesFifoQueuesTheWaySqsRequires() {
        // when the ledger queue is read back
        Map<String, String> ledger = attributes(stack.ref("LedgerQueue"));

        // then it is a FIFO queue whose generated name ends in .fifo, redriving to its FIFO dead-letter queue
        assertThat(stack.attribute("LedgerQueue", "QueueName")).isEqualTo("messaging-test-LedgerQueue.fifo");
        assertThat(ledger)
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false")
                .containsEntry("VisibilityTimeout", "60");
        assertThat(JSON.readTree(ledger.get("RedrivePolicy"))
                        .get("deadLetterTargetArn")
                        .asString())
                .isEqualTo(stack.attribute("LedgerDeadLetterQueue", "Arn"))
                .endsWith(".fifo");
        assertThat(attributes(stack.ref("LedgerDeadLetterQueue"))).containsEntry("FifoQueue", "true");
    }

    @Test
    void deliversOnlyMatchingMessagesRawThroughTheFilteredSubscription() {
        // given the created-only queue subscribed to the notifications topic with status=[created]
        String queue = stack.ref("CreatedOnlyQueue");

        // when a shipped message, a message without status and then a created message are published
        publish("{\"orderId\":\"o-1\",\"status\":\"shipped\"}", "shipped");
        publish("{\"orderId\":\"o-2\"}", null);
        String created = "{\"orderId\":\"o-3\",\"status\":\"created\"}";
        publish(created, "created");

        // then exactly the created message arrives, as the raw body that was published
        List<String> bodies = new ArrayList<>();
        await().atMost(DELIVERY).until(() -> {
            take(queue).forEach(message -> bodies.add(message.body()));
            return bodies.contains(created);
        });
        assertThat(bodies).containsExactly(created);
        assertThat(take(queue)).isEmpty();
    }

    @Test
    void movesAPoisonMessageToTheDeadLetterQueueAfterMaxReceiveCount() {
        // given a message on the work queue that its consumer never manages to process
        String poison = "{\"workId\":\"w-poison\"}";
        sqs.sendMessage(request -> request.queueUrl(stack.ref("WorkQueue")).messageBody(poison));

        // when it is received again and again without being deleted, until it no longer comes back
        List<String> deliveries = new ArrayList<>();
        await().atMost(DELIVERY).until(() -> {
            List<Message> received = receive(stack.ref("WorkQueue"));
            received.forEach(message -> deliveries.add(message.body()));
            return received.isEmpty() && !deliveries.isEmpty();
        });

        // then it was delivered maxReceiveCount times and now waits in the dead-letter queue, unchanged
        assertThat(deliveries).hasSize(3).containsOnly(poison);
        List<String> deadLetters = new ArrayList<>();
        await().atMost(DELIVERY).until(() -> {
            take(stack.ref("WorkDeadLetterQueue")).forEach(message -> deadLetters.add(message.body()));
            return !deadLetters.isEmpty();
        });
        assertThat(deadLetters).containsExactly(poison);
    }

    @Test
    void provisionsTwiceIntoTheSameEmulator() {
        // when the same template is provisioned again under the same stack name (an AWS_ENDPOINT_URL reused)
        Stack again = Provisioner.provision(messagingTemplate(), emulator.endpoint(), "messaging-test", Map.of());

        // then every resource is the one that is already there
        List.of("WorkQueue", "WorkDeadLetterQueue", "LedgerQueue", "NotificationsTopic", "CreatedOnlySubscription")
                .forEach(logicalId -> assertThat(again.ref(logicalId)).isEqualTo(stack.ref(logicalId)));
        assertThat(sns.listSubscriptionsByTopic(request -> request.topicArn(stack.ref("NotificationsTopic")))
                        .subscriptions())
                .hasSize(1);
    }

    @Test
    void updatesAQueueWhoseTemplateSettingsChangedSinceTheLastRun(@TempDir Path directory) throws IOException {
        // given a named queue provisioned with one visibility timeout
        Provisioner.provision(namedQueue(directory, 30), emulator.endpoint(), "changed", Map.of());

        // when the template changes the timeout and is provisioned into the same emulator
        Stack changed = Provisioner.provision(namedQueue(directory, 45), emulator.endpoint(), "changed", Map.of());

        // then the existing queue carries the new timeout
        assertThat(attributes(changed.ref("SettingsQueue"))).containsEntry("VisibilityTimeout", "45");
    }

    @Test
    void createsDeadLetterQueuesBeforeTheQueuesThatNameThem() {
        // given the template, which declares the work queue before its dead-letter queue
        SamTemplate template = messagingTemplate();

        // when the provisioning order is worked out
        List<String> order = ProvisioningOrder.of(template).stream()
                .map(TemplateResource::logicalId)
                .toList();

        // then every resource comes after those it references
        assertThat(order)
                .containsExactlyInAnyOrderElementsOf(template.resources().keySet());
        assertThat(order.indexOf("WorkDeadLetterQueue")).isLessThan(order.indexOf("WorkQueue"));
        assertThat(order.indexOf("LedgerDeadLetterQueue")).isLessThan(order.indexOf("LedgerQueue"));
        assertThat(order.indexOf("NotificationsTopic")).isLessThan(order.indexOf("CreatedOnlySubscription"));
        assertThat(order.indexOf("CreatedOnlyQueue")).isLessThan(order.indexOf("CreatedOnlySubscription"));
    }

    @Test
    void refusesResourcesThatReferenceEachOtherInACycle(@TempDir Path directory) throws IOException {
        // given two queues each naming the other as its dead-letter queue
        Path file = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  PingQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt PongQueue.Arn
                        maxReceiveCount: 1
                  PongQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt PingQueue.Arn
                        maxReceiveCount: 1
                """);

        // when it is provisioned
        // then the run stops, naming the cycle
        assertThatThrownBy(() -> Provisioner.provision(SamTemplate.load(file), emulator.endpoint(), "cycle", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("PingQueue -> PongQueue -> PingQueue");
    }

    @Test
    void routesEventsOfACustomBusToTheRulesQueueTargets(@TempDir Path directory) throws IOException {
        // given a rule on a custom bus with a queue target, a topic target and a function target
        Path file = Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  AuditBus:
                    Type: AWS::Events::EventBus
                    Properties:
                      Name: audit-bus
                  AuditQueue:
                    Type: AWS::SQS::Queue
                  AuditTopic:
                    Type: AWS::SNS::Topic
                  AuditFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: ../services/audit/target/audit-aws.jar
                  AuditRecordedRule:
                    Type: AWS::Events::Rule
                    Properties:
                      EventBusName: !Ref AuditBus
                      EventPattern:
                        source: [shop.audit]
                        detail-type: [AuditRecorded]
                      Targets:
                        - Id: queue
                          Arn: !GetAtt AuditQueue.Arn
                          RetryPolicy:
                            MaximumRetryAttempts: 2
                        - Id: topic
                          Arn: !Ref AuditTopic
                        - Id: function
                          Arn: !GetAtt AuditFunction.Arn
                """);
        Stack rules = Provisioner.provision(SamTemplate.load(file), emulator.endpoint(), "rules", Map.of());

        try (EventBridgeClient events = emulator.endpoint().configure(EventBridgeClient.builder())) {
            // when a matching and a non-matching event are put on the bus
            events.putEvents(request -> request.entries(
                    auditEvent("shop.other", "{\"auditId\":\"a-0\"}"),
                    auditEvent("shop.audit", "{\"auditId\":\"a-1\"}")));

            // then only the matching event reaches the queue; the topic and function targets were left out
            List<JsonNode> delivered = new ArrayList<>();
            await().atMost(DELIVERY).until(() -> {
                take(rules.ref("AuditQueue")).forEach(message -> delivered.add(JSON.readTree(message.body())));
                return !delivered.isEmpty();
            });
            assertThat(take(rules.ref("AuditQueue"))).isEmpty();
            assertThat(delivered)
                    .singleElement()
                    .satisfies(event ->
                            assertThat(event.at("/detail/auditId").asString()).isEqualTo("a-1"));
            assertThat(rules.ref("AuditRecordedRule")).isEqualTo("audit-bus|rules-AuditRecordedRule");
            assertThat(events.listTargetsByRule(request ->
                                    request.rule("rules-AuditRecordedRule").eventBusName("audit-bus"))
                            .targets())
                    .singleElement()
                    .satisfies(target -> assertThat(target.id()).isEqualTo("queue"));
        }
    }

    private static PutEventsRequestEntry auditEvent(String source, String detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName("audit-bus")
                .source(source)
                .detailType("AuditRecorded")
                .detail(detail)
                .build();
    }

    private static SamTemplate namedQueue(Path directory, int visibilityTimeout) throws IOException {
        return SamTemplate.load(
                Files.writeString(directory.resolve("template.yaml"), """
                Resources:
                  SettingsQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: settings-queue
                      VisibilityTimeout: %d
                """.formatted(visibilityTimeout)));
    }

    private static void publish(String message, String status) {
        sns.publish(request -> {
            request.topicArn(stack.ref("NotificationsTopic")).message(message);
            if (status != null) {
                request.messageAttributes(Map.of(
                        "status",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(status)
                                .build()));
            }
        });
    }

    /** One receive by a consumer that fails the messages: they are visible again at once. */
    private static List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(0)
                        .waitTimeSeconds(1))
                .messages();
    }

    /** One receive by a consumer that processes the messages: they are deleted. */
    private static List<Message> take(String queueUrl) {
        List<Message> messages = sqs.receiveMessage(request ->
                        request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        messages.forEach(message ->
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
        return messages;
    }

    private static Map<String, String> attributes(String queueUrl) {
        return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
    }

    private static SamTemplate messagingTemplate() {
        try {
            return SamTemplate.load(Path.of(MessagingProvisionerTest.class
                    .getResource("/templates/messaging.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
