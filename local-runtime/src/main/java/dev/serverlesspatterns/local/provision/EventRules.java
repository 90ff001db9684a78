package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * {@code AWS::Events::EventBus} and {@code AWS::Events::Rule}: buses, and rules with their patterns and the
 * targets the emulator can deliver to. Functions are not put as targets: the local runtime delivers matching
 * events to them itself.
 */
final class EventRules {

    static final String BUS_TYPE = "AWS::Events::EventBus";
    static final String RULE_TYPE = "AWS::Events::Rule";

    /**
     * The target services moto 5.2.1 delivers to; for any other target its PutEvents fails for every event on
     * the bus (platform-notes: EventBridge to SNS), so such targets are left out.
     */
    private static final Set<String> DELIVERABLE_SERVICES = Set.of("sqs", "logs", "events");

    private static final String DEFAULT_BUS = "default";

    private static final Logger log = LoggerFactory.getLogger(EventRules.class);

    private EventRules() {}

    static void createBus(EventBridgeClient events, TemplateResource resource, Stack stack) {
        String name = stack.intrinsics().resolveString(resource.properties().get("Name"));
        String arn;
        try {
            arn = events.createEventBus(request -> request.name(name)).eventBusArn();
        } catch (ResourceAlreadyExistsException reusedEmulator) {
            arn = events.describeEventBus(request -> request.name(name)).arn();
        }
        stack.record(resource.logicalId(), name, Map.of("Arn", arn, "Name", name));
    }

    static void createRule(EventBridgeClient events, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        String name = properties.containsKey("Name")
                ? stack.intrinsics().resolveString(properties.get("Name"))
                : stack.generatedName(resource.logicalId());
        String bus = properties.containsKey("EventBusName")
                ? busName(stack.intrinsics().resolveString(properties.get("EventBusName")))
                : DEFAULT_BUS;
        PutRuleRequest.Builder rule = PutRuleRequest.builder()
                .name(name)
                .eventBusName(bus)
                .state(
                        properties.containsKey("State")
                                ? stack.intrinsics().resolveString(properties.get("State"))
                                : "ENABLED");
        if (properties.containsKey("EventPattern")) {
            rule.eventPattern(stack.resolveJson(properties.get("EventPattern")));
        }
        if (properties.containsKey("ScheduleExpression")) {
            rule.scheduleExpression(stack.intrinsics().resolveString(properties.get("ScheduleExpression")));
        }
        // PutRule and PutTargets replace what is there, so a reused emulator ends up with the template's rule.
        String arn = events.putRule(rule.build()).ruleArn();
        List<Target> targets = targets(resource, stack);
        if (!targets.isEmpty()) {
            PutTargetsResponse put = events.putTargets(
                    request -> request.rule(name).eventBusName(bus).targets(targets));
            if (put.failedEntryCount() > 0) {
                throw new IllegalStateException(
                        "The emulator refused targets of " + resource.logicalId() + ": " + put.failedEntries());
            }
        }
        // CloudFormation's Ref of a rule is its name on the default bus and "bus|rule" on any other.
        stack.record(resource.logicalId(), bus.equals(DEFAULT_BUS) ? name : bus + "|" + name, Map.of("Arn", arn));
    }

    private static List<Target> targets(TemplateResource resource, Stack stack) {
        List<Target> targets = new ArrayList<>();
        for (Object value : list(resource.properties().get("Targets"))) {
            Map<String, Object> target = map(value);
            String id = stack.intrinsics().resolveString(target.get("Id"));
            String arn = stack.intrinsics().resolveString(target.get("Arn"));
            String service = arn.split(":", 4)[2];
            if (isTemplateFunction(target.get("Arn"), stack)) {
                log.debug("{} target {} is a function: delivered by the local runtime", resource.logicalId(), id);
            } else if (!DELIVERABLE_SERVICES.contains(service)) {
                log.warn(
                        "{} target {} ({}) is left out: moto delivers EventBridge events only to SQS, CloudWatch"
                                + " Logs and event buses, and any other target makes its PutEvents fail",
                        resource.logicalId(),
                        id,
                        arn);
            } else {
                targets.add(target(id, arn, target, stack));
            }
        }
        return targets;
    }

    private static Target target(String id, String arn, Map<String, Object> target, Stack stack) {
        Target.Builder built = Target.builder().id(id).arn(arn);
        if (target.containsKey("InputPath")) {
            built.inputPath(stack.intrinsics().resolveString(target.get("InputPath")));
        }
        Map<String, Object> deadLetter = map(target.get("DeadLetterConfig"));
        if (deadLetter.containsKey("Arn")) {
            built.deadLetterConfig(dlq -> dlq.arn(stack.intrinsics().resolveString(deadLetter.get("Arn"))));
        }
        Map<String, Object> retry = map(target.get("RetryPolicy"));
        if (!retry.isEmpty()) {
            built.retryPolicy(policy -> {
                if (retry.containsKey("MaximumRetryAttempts")) {
                    policy.maximumRetryAttempts(integer(retry.get("MaximumRetryAttempts"), stack));
                }
                if (retry.containsKey("MaximumEventAgeInSeconds")) {
                    policy.maximumEventAgeInSeconds(integer(retry.get("MaximumEventAgeInSeconds"), stack));
                }
            });
        }
        Map<String, Object> sqsParameters = map(target.get("SqsParameters"));
        if (sqsParameters.containsKey("MessageGroupId")) {
            built.sqsParameters(
                    sqs -> sqs.messageGroupId(stack.intrinsics().resolveString(sqsParameters.get("MessageGroupId"))));
        }
        return built.build();
    }

    private static boolean isTemplateFunction(Object arn, Stack stack) {
        if (!(arn instanceof Map<?, ?> reference
                && (reference.containsKey("Ref") || reference.containsKey("Fn::GetAtt")))) {
            return false;
        }
        TemplateResource referenced =
                stack.template().resources().get(stack.intrinsics().referencedFunction(reference));
        return referenced != null && referenced.type().equals(FunctionDefinition.TYPE);
    }

    /** {@code EventBusName} takes a name or an ARN; the rule's Ref and the API calls use the name. */
    private static String busName(String nameOrArn) {
        String resource = "event-bus/";
        return nameOrArn.startsWith("arn:")
                ? nameOrArn.substring(nameOrArn.indexOf(resource) + resource.length())
                : nameOrArn;
    }

    private static int integer(Object value, Stack stack) {
        return Integer.parseInt(stack.intrinsics().resolveString(value));
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
