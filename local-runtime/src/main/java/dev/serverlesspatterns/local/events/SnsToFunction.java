package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.SnsEvent;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code SNS} event of a function, as Lambda's SNS integration runs it: every notification that passes the
 * subscription's filter policy invokes the function asynchronously, one record per invoke. The emulator cannot
 * call a local function, so the subscription delivers to an internal queue named
 * {@code <stack>-<function>-<event>-sns} that this class owns and polls.
 */
public final class SnsToFunction implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(SnsToFunction.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SnsClient sns;
    private final InternalQueue queue;
    private final String subscriptionArn;

    private SnsToFunction(SnsClient sns, InternalQueue queue, String subscriptionArn) {
        this.sns = sns;
        this.queue = queue;
        this.subscriptionArn = subscriptionArn;
    }

    public static SnsToFunction start(
            SqsClient sqs, SnsClient sns, String stackName, SnsEvent event, String topicArn, AsyncInvoker invoker) {
        String queueName = stackName + "-" + event.functionLogicalId() + "-" + event.name() + "-sns"
                + (topicArn.endsWith(".fifo") ? ".fifo" : "");
        InternalQueue queue = InternalQueue.create(sqs, queueName);
        try {
            // Filter attributes are passed at Subscribe: moto applies a MessageBody scope only when it is set there.
            Map<String, String> attributes = new HashMap<>();
            if (!event.filterPolicy().isEmpty()) {
                attributes.put("FilterPolicyScope", event.filterPolicyScope());
                attributes.put("FilterPolicy", JSON.writeValueAsString(event.filterPolicy()));
            }
            String subscriptionArn = sns.subscribe(request -> request.topicArn(topicArn)
                            .protocol("sqs")
                            .endpoint(queue.arn())
                            .attributes(attributes)
                            .returnSubscriptionArn(true))
                    .subscriptionArn();
            queue.deliverTo(
                    event.functionLogicalId(),
                    notification -> LambdaSnsEvent.of(notification, subscriptionArn),
                    invoker);
            log.debug(
                    "{}.{} subscribed to {} through {}", event.functionLogicalId(), event.name(), topicArn, queueName);
            return new SnsToFunction(sns, queue, subscriptionArn);
        } catch (RuntimeException failure) {
            queue.close();
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            sns.unsubscribe(request -> request.subscriptionArn(subscriptionArn));
        } catch (SdkException failure) {
            log.warn("Could not unsubscribe {}: {}", subscriptionArn, failure.getMessage());
        }
        queue.close();
    }
}
