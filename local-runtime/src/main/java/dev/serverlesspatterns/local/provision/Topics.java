package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.TemplateResource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code AWS::SNS::Topic} and {@code AWS::SNS::Subscription}: topics, and their subscriptions with raw delivery,
 * filter policies and redrive policies, so the emulator fans messages out the way SNS does.
 */
final class Topics {

    static final String TYPE = "AWS::SNS::Topic";
    static final String SUBSCRIPTION_TYPE = "AWS::SNS::Subscription";

    private static final Logger log = LoggerFactory.getLogger(Topics.class);

    private Topics() {}

    static void create(SnsClient sns, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        if (properties.containsKey("Subscription")) {
            throw new IllegalStateException("The local runtime does not create the inline Subscription of "
                    + resource.logicalId() + ": declare each one as an " + SUBSCRIPTION_TYPE);
        }
        boolean fifo = "true".equals(String.valueOf(stack.resolveAll(properties.get("FifoTopic"))));
        String name = properties.containsKey("TopicName")
                ? stack.intrinsics().resolveString(properties.get("TopicName"))
                : stack.generatedName(resource.logicalId()) + (fifo ? ".fifo" : "");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
        }
        if (properties.containsKey("ContentBasedDeduplication")) {
            attributes.put(
                    "ContentBasedDeduplication",
                    String.valueOf(stack.resolveAll(properties.get("ContentBasedDeduplication"))));
        }
        // CreateTopic answers with the existing topic when the name is taken, so a reused emulator is fine.
        String arn = sns.createTopic(request -> request.name(name).attributes(attributes))
                .topicArn();
        stack.record(resource.logicalId(), arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    static void subscribe(SnsClient sns, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        String topicArn = stack.intrinsics().resolveString(properties.get("TopicArn"));
        String protocol = stack.intrinsics().resolveString(properties.get("Protocol"));
        String endpoint = stack.intrinsics().resolveString(properties.get("Endpoint"));
        if (protocol.equals("lambda")) {
            // The local runtime delivers a topic's messages to its functions itself; the emulator cannot run them.
            log.debug(
                    "{} subscribes function {} to {}: delivered by the local runtime",
                    resource.logicalId(),
                    endpoint,
                    topicArn);
            String id = UUID.nameUUIDFromBytes(
                            (stack.stackName() + "/" + resource.logicalId()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            stack.record(resource.logicalId(), topicArn + ":" + id, Map.of());
            return;
        }
        // All attributes go with Subscribe: moto honours FilterPolicyScope=MessageBody only when it is set there.
        Map<String, String> attributes = new LinkedHashMap<>();
        if (properties.containsKey("FilterPolicyScope")) {
            attributes.put("FilterPolicyScope", stack.intrinsics().resolveString(properties.get("FilterPolicyScope")));
        }
        if (properties.containsKey("FilterPolicy")) {
            attributes.put("FilterPolicy", stack.resolveJson(properties.get("FilterPolicy")));
        }
        if (properties.containsKey("RawMessageDelivery")) {
            attributes.put(
                    "RawMessageDelivery", String.valueOf(stack.resolveAll(properties.get("RawMessageDelivery"))));
        }
        if (properties.containsKey("RedrivePolicy")) {
            attributes.put("RedrivePolicy", stack.resolveJson(properties.get("RedrivePolicy")));
        }
        // Subscribe answers with the existing subscription of the same topic, protocol and endpoint.
        String arn = sns.subscribe(request -> request.topicArn(topicArn)
                        .protocol(protocol)
                        .endpoint(endpoint)
                        .attributes(attributes)
                        .returnSubscriptionArn(true))
                .subscriptionArn();
        stack.record(resource.logicalId(), arn, Map.of());
    }
}
