package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A service JVM killed (kill -9) in the middle of a flow heals like a Lambda execution environment: the batch in
 * flight fails as {@code Runtime.ExitError}, its messages come back after the queue's visibility timeout, the next
 * invocation starts a new JVM, and the idempotent consumer records every message once. The flow is the Notifier's:
 * InvoiceIssued events on billing's topic, recorded by invoicing from its queue, with the template's redrive policy.
 *
 * <p>The template's visibility timeout (90 s, six times the function's timeout) is shortened for the test, as the
 * Notifier's poison-message test does, so that the redelivery takes seconds instead of minutes. It stays longer than
 * the processing of a batch in the new JVM, so a message is received again only after its batch failed: one that came
 * back more often than that would be dead-lettered, which the test refuses.
 */
@ExtendWith(LocalSuiteExtension.class)
class CrashedServiceIT {

    private static final int EVENTS = 100;
    /** Seconds; see the class comment. */
    private static final String VISIBILITY_TIMEOUT = "15";
    /** Seconds each message is held on arrival: longer than a receive that started before the change (1 s). */
    private static final String ARRIVAL_DELAY = "2";

    private LocalSuite suite;
    private DynamoDbClient dynamo;
    private SqsClient sqs;
    private SnsClient sns;

    @BeforeEach
    void connect(LocalSuite suite) {
        this.suite = suite;
        this.dynamo = suite.stack().endpoint().configure(DynamoDbClient.builder());
        this.sqs = suite.stack().endpoint().configure(SqsClient.builder());
        this.sns = suite.stack().endpoint().configure(SnsClient.builder());
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
        sqs.close();
        sns.close();
    }

    @Test
    void everyEventIsRecordedOnceWhenTheConsumersJvmIsKilledMidFlow() {
        // given invoicing's queue with the test's visibility timeout (the redrive policy is the template's), its
        // messages held on arrival so that no receive that started before the change (with 90 s) can take one
        String queueUrl = suite.stack().ref("InvoicingQueue");
        Map<QueueAttributeName, String> template = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.DELAY_SECONDS))
                .attributes();
        try {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl)
                    .attributes(Map.of(
                            QueueAttributeName.VISIBILITY_TIMEOUT,
                            VISIBILITY_TIMEOUT,
                            QueueAttributeName.DELAY_SECONDS,
                            ARRIVAL_DELAY)));

            // and invoicing's JVM, and 100 invoices of one customer issued on billing's topic
            ProcessHandle invoicing = serviceJvm("invoicing");
            String customerId = "customer-" + UUID.randomUUID();
            IntStream.range(0, EVENTS).forEach(i -> publishInvoiceIssued(customerId));

            // when invoicing's JVM is killed once it has recorded some of them
            int recordedBeforeTheKill = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> invoicesOf(customerId).size(), recorded -> recorded > 0);
            invoicing.destroyForcibly();

            // then a new JVM takes over and every invoice is recorded exactly once, with nothing dead-lettered
            assertThat(recordedBeforeTheKill).as("killed mid-flow").isLessThan(EVENTS);
            List<Map<String, AttributeValue>> recorded = await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> invoicesOf(customerId), invoices -> invoices.size() == EVENTS);
            assertThat(recorded.stream().map(invoice -> invoice.get("invoiceId").s()))
                    .doesNotHaveDuplicates();
            assertThat(serviceJvm("invoicing").pid()).isNotEqualTo(invoicing.pid());
            assertThat(deadLettersOf("InvoicingDeadLetterQueue", customerId)).isEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> queueDepth("InvoicingQueue"), depth -> depth == 0);
        } finally {
            sqs.setQueueAttributes(set -> set.queueUrl(queueUrl).attributes(template));
        }
    }

    /** The JVM the local suite runs a service in: its runnable jar is on the command line. */
    private static ProcessHandle serviceJvm(String service) {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).stream()
                                .anyMatch(argument -> argument.endsWith(service + "-exec.jar")))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No JVM runs " + service));
    }

    private void publishInvoiceIssued(String customerId) {
        String event = """
                {"invoiceId":"inv-%s","orderId":"%s","customerId":"%s","amountCents":1250,"currency":"EUR",
                 "issuedAt":"2026-11-03T10:15:31.207Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), customerId);
        sns.publish(publish -> publish.topicArn(suite.stack().ref("BillingNotificationsTopic"))
                .message(event)
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("InvoiceIssued")
                                .build())));
    }

    private List<Map<String, AttributeValue>> invoicesOf(String customerId) {
        return dynamo
                .scanPaginator(scan -> scan.tableName(suite.stack().ref("InvoicesTable"))
                        .consistentRead(true)
                        .filterExpression("customerId = :customerId")
                        .expressionAttributeValues(Map.of(":customerId", AttributeValue.fromS(customerId))))
                .items()
                .stream()
                .toList();
    }

    /** Takes this run's dead letters off the queue (others reappear after their timeout). */
    private List<Message> deadLettersOf(String queue, String customerId) {
        String queueUrl = suite.stack().ref(queue);
        List<Message> found = sqs
                .receiveMessage(receive ->
                        receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()
                .stream()
                .filter(message -> message.body().contains(customerId))
                .toList();
        found.forEach(message ->
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
        return found;
    }

    private int queueDepth(String queue) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                        get -> get.queueUrl(suite.stack().ref(queue))
                                .attributeNames(
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
