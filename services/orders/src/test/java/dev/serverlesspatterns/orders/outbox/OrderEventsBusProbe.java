package dev.serverlesspatterns.orders.outbox;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the provisioned orders event bus the way a consumer would: a rule for the given order, targeting a
 * queue of the test's own, so what the function put on the bus can be read back in order.
 */
final class OrderEventsBusProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventBridgeClient events;
    private final SqsClient sqs;
    private final String busName;
    private final String ruleName = "probe-" + UUID.randomUUID();
    private final String queueUrl;

    OrderEventsBusProbe(ProvisionedStack stack, String orderId) {
        this.events = stack.client(EventBridgeClient.builder());
        this.sqs = stack.client(SqsClient.builder());
        this.busName = stack.physicalName("OrderEventsBus");
        this.queueUrl = sqs.createQueue(create -> create.queueName(ruleName)).queueUrl();
        String queueArn = sqs.getQueueAttributes(
                        get -> get.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        events.putRule(rule -> rule.name(ruleName)
                .eventBusName(busName)
                .eventPattern("{\"detail\":{\"orderId\":[\"" + orderId + "\"]}}"));
        events.putTargets(targets -> targets.rule(ruleName)
                .eventBusName(busName)
                .targets(target -> target.id("probe").arn(queueArn)));
    }

    /** The bus events that reached the probe, in arrival order, waiting up to a few seconds for {@code expected}. */
    List<JsonNode> received(int expected) {
        List<JsonNode> received = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (received.size() < expected && Instant.now().isBefore(deadline)) {
            for (Message message : sqs.receiveMessage(receive ->
                            receive.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                received.add(JSON.readTree(message.body()));
            }
        }
        return received;
    }

    @Override
    public void close() {
        events.removeTargets(
                remove -> remove.rule(ruleName).eventBusName(busName).ids("probe"));
        events.deleteRule(delete -> delete.name(ruleName).eventBusName(busName));
        sqs.deleteQueue(delete -> delete.queueUrl(queueUrl));
        events.close();
        sqs.close();
    }
}
