package dev.serverlesspatterns.local.operate;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The depth of every queue of the template, grouped by the service that owns it. Ownership comes from the template
 * alone: a queue belongs to the service whose function consumes it (an {@code SQS} event) or receives its failed
 * events (an on-failure destination of {@code EventInvokeConfig} or of a stream event, or an EventBridge rule's
 * dead-letter queue); a dead-letter queue belongs with the queue whose {@code RedrivePolicy} names it; a queue that
 * only a topic feeds belongs to the service whose functions publish to that topic. The service is the one
 * {@code CodeUri} names ({@code services/billing/target/billing-aws.jar} is {@code billing}).
 */
public final class QueueDepths {

    /** The service of queues no function of the template reads, writes failures to or publishes towards. */
    public static final String UNCONSUMED = "unconsumed";

    private static final String QUEUE_TYPE = "AWS::SQS::Queue";
    private static final String SUBSCRIPTION_TYPE = "AWS::SNS::Subscription";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<QueueAttributeName> DEPTH_ATTRIBUTES = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    private record Owner(String service, QueueRole role) {}

    private record OwnedQueue(String logicalId, Owner owner, String url, String deadLetterQueue) {}

    private final AwsEndpoint endpoint;
    private final List<OwnedQueue> queues;

    private QueueDepths(AwsEndpoint endpoint, List<OwnedQueue> queues) {
        this.endpoint = endpoint;
        this.queues = queues;
    }

    /** The queues of the provisioned stack and their owners; depths are read on each {@link #read()}. */
    public static QueueDepths of(Stack stack) {
        SamTemplate template = stack.template();
        Intrinsics intrinsics = stack.intrinsics();
        Map<String, String> deadLetterQueues = deadLetterQueues(template, stack);
        Map<String, Owner> owners = new LinkedHashMap<>();
        List<FunctionDefinition> functions = template.functions().stream()
                .sorted(Comparator.comparing(FunctionDefinition::logicalId))
                .toList();
        for (FunctionDefinition function : functions) {
            String service = function.serviceName();
            function.sqsEvents()
                    .forEach(event -> owners.putIfAbsent(
                            intrinsics.referencedResource(event.queue()), new Owner(service, QueueRole.SOURCE)));
        }
        for (FunctionDefinition function : functions) {
            Owner owner = new Owner(function.serviceName(), QueueRole.ON_FAILURE);
            failureDestinations(function)
                    .map(intrinsics::referencedResource)
                    .filter(id -> isQueue(template, id))
                    .forEach(id -> owners.putIfAbsent(id, owner));
        }
        subscribedQueues(template, intrinsics).forEach((queue, topic) -> {
            Set<String> publishers = publishingServices(functions, intrinsics, stack.ref(topic));
            String service = publishers.size() == 1 ? publishers.iterator().next() : UNCONSUMED;
            owners.putIfAbsent(queue, new Owner(service, QueueRole.UNCONSUMED));
        });
        queueIds(template)
                .filter(id -> !deadLetterQueues.containsValue(id))
                .forEach(id -> owners.putIfAbsent(id, new Owner(UNCONSUMED, QueueRole.UNCONSUMED)));
        List.copyOf(owners.entrySet()).forEach(queue -> {
            String deadLetterQueue = deadLetterQueues.get(queue.getKey());
            if (deadLetterQueue != null) {
                owners.putIfAbsent(deadLetterQueue, new Owner(queue.getValue().service(), QueueRole.DEAD_LETTER));
            }
        });
        List<OwnedQueue> owned = queueIds(template)
                .map(id -> new OwnedQueue(
                        id,
                        owners.getOrDefault(id, new Owner(UNCONSUMED, QueueRole.DEAD_LETTER)),
                        stack.attribute(id, "QueueUrl"),
                        deadLetterQueues.get(id)))
                .toList();
        return new QueueDepths(stack.endpoint(), owned);
    }

    /** Reads every queue's depth from the emulator now, by service; services and their queues in a stable order. */
    public List<ServiceQueues> read() {
        Map<String, List<QueueDepth>> byService =
                new TreeMap<>(Comparator.comparing((String service) -> service.equals(UNCONSUMED))
                        .thenComparing(service -> service));
        try (SqsClient sqs = endpoint.configure(SqsClient.builder())) {
            for (OwnedQueue queue : queues) {
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                                request -> request.queueUrl(queue.url()).attributeNames(DEPTH_ATTRIBUTES))
                        .attributes();
                byService
                        .computeIfAbsent(queue.owner().service(), service -> new ArrayList<>())
                        .add(new QueueDepth(
                                queue.logicalId(),
                                queue.owner().role(),
                                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                                queue.deadLetterQueue()));
            }
        }
        return byService.entrySet().stream()
                .map(service -> new ServiceQueues(service.getKey(), inReadingOrder(service.getValue())))
                .toList();
    }

    /** By role, then name, each queue followed by its dead-letter queue. */
    private static List<QueueDepth> inReadingOrder(List<QueueDepth> queues) {
        Map<String, QueueDepth> byName = queues.stream().collect(Collectors.toMap(QueueDepth::queue, depth -> depth));
        Set<QueueDepth> ordered = new LinkedHashSet<>();
        queues.stream()
                .filter(depth -> depth.role() != QueueRole.DEAD_LETTER)
                .sorted(Comparator.comparing(QueueDepth::role).thenComparing(QueueDepth::queue))
                .forEach(depth -> {
                    ordered.add(depth);
                    Optional.ofNullable(depth.deadLetterQueue())
                            .map(byName::get)
                            .ifPresent(ordered::add);
                });
        queues.stream().sorted(Comparator.comparing(QueueDepth::queue)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static Stream<Object> failureDestinations(FunctionDefinition function) {
        return Stream.of(
                        Stream.of(function.eventInvokeConfig().onFailureDestination()),
                        function.streamEvents().stream().map(FunctionDefinition.StreamEvent::onFailureDestination),
                        function.eventBridgeRuleEvents().stream()
                                .map(FunctionDefinition.EventBridgeRuleEvent::deadLetterQueue))
                .flatMap(destinations -> destinations)
                .filter(Objects::nonNull);
    }

    /** Each queue's redrive target, by logical id. */
    private static Map<String, String> deadLetterQueues(SamTemplate template, Stack stack) {
        Map<String, String> byArn =
                queueIds(template).collect(Collectors.toMap(id -> stack.attribute(id, "Arn"), id -> id));
        Map<String, String> deadLetterQueues = new LinkedHashMap<>();
        queueIds(template)
                .forEach(id -> deadLetterQueue(template.resource(id), stack.intrinsics(), byArn)
                        .ifPresent(target -> deadLetterQueues.put(id, target)));
        return deadLetterQueues;
    }

    /**
     * The queue {@code RedrivePolicy.deadLetterTargetArn} names: a reference when the policy is written as YAML, an
     * ARN when it is JSON text (possibly built with {@code Fn::Sub}).
     */
    private static Optional<String> deadLetterQueue(
            TemplateResource queue, Intrinsics intrinsics, Map<String, String> byArn) {
        Object policy = queue.properties().get("RedrivePolicy");
        if (policy == null) {
            return Optional.empty();
        }
        if (policy instanceof Map<?, ?> yaml && yaml.containsKey("deadLetterTargetArn")) {
            return Optional.of(intrinsics.referencedResource(yaml.get("deadLetterTargetArn")));
        }
        JsonNode target = JSON.readTree(intrinsics.resolveString(policy)).get("deadLetterTargetArn");
        return Optional.ofNullable(target).map(arn -> byArn.get(arn.asString()));
    }

    /** Queues an SNS subscription feeds, with the topic that feeds them. */
    private static Map<String, String> subscribedQueues(SamTemplate template, Intrinsics intrinsics) {
        Map<String, String> subscribed = new TreeMap<>();
        template.resources().values().stream()
                .filter(resource -> resource.type().equals(SUBSCRIPTION_TYPE))
                .filter(resource -> "sqs".equals(resource.properties().get("Protocol")))
                .forEach(subscription -> subscribed.putIfAbsent(
                        intrinsics.referencedResource(subscription.properties().get("Endpoint")),
                        intrinsics.referencedResource(subscription.properties().get("TopicArn"))));
        return subscribed;
    }

    /** The services whose functions are given the topic's ARN in their environment, to publish to it. */
    private static Set<String> publishingServices(
            List<FunctionDefinition> functions, Intrinsics intrinsics, String topicArn) {
        return functions.stream()
                .filter(function -> function.environment(intrinsics).containsValue(topicArn))
                .map(FunctionDefinition::serviceName)
                .collect(Collectors.toSet());
    }

    private static Stream<String> queueIds(SamTemplate template) {
        return template.resources().values().stream()
                .filter(resource -> resource.type().equals(QUEUE_TYPE))
                .map(TemplateResource::logicalId)
                .sorted();
    }

    private static boolean isQueue(SamTemplate template, String logicalId) {
        TemplateResource resource = template.resources().get(logicalId);
        return resource != null && resource.type().equals(QUEUE_TYPE);
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Long.parseLong(attributes.getOrDefault(name, "0"));
    }
}
