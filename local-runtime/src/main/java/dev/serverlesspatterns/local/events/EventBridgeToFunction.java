package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.EventBridgeRuleEvent;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code EventBridgeRule} event of a function: a rule on the event's bus whose matching events invoke the
 * function asynchronously with the event as the bus delivered it (see {@link LambdaEventBridgeEvent}), or with what
 * the target's {@code InputTransformer} made of it. The emulator cannot call a local function, so the rule
 * {@code <stack>-<function>-<event>} targets an internal queue {@code <stack>-<function>-<event>-events}, which
 * this class owns and polls.
 */
public final class EventBridgeToFunction implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(EventBridgeToFunction.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TARGET_ID = "local-runtime";

    private final EventBridgeClient events;
    private final InternalQueue queue;
    private final String busName;
    private final String ruleName;

    private EventBridgeToFunction(EventBridgeClient events, InternalQueue queue, String busName, String ruleName) {
        this.events = events;
        this.queue = queue;
        this.busName = busName;
        this.ruleName = ruleName;
    }

    /** @param busName the event's {@code EventBusName} resolved; {@code default} for the account's default bus */
    public static EventBridgeToFunction start(
            SqsClient sqs,
            EventBridgeClient events,
            String stackName,
            EventBridgeRuleEvent event,
            String busName,
            AsyncInvoker invoker) {
        String ruleName = stackName + "-" + event.functionLogicalId() + "-" + event.name();
        if (!busName.equals("default")) {
            try {
                events.createEventBus(request -> request.name(busName));
            } catch (ResourceAlreadyExistsException provisioned) {
                log.debug("Event bus {} already exists", busName);
            }
        }
        InternalQueue queue = InternalQueue.create(sqs, ruleName + "-events");
        try {
            events.putRule(request -> request.name(ruleName)
                    .eventBusName(busName)
                    .eventPattern(JSON.writeValueAsString(event.pattern())));
            String template = event.inputTemplate();
            events.putTargets(request -> request.rule(ruleName)
                    .eventBusName(busName)
                    .targets(target -> {
                        target.id(TARGET_ID).arn(queue.arn());
                        if (template != null) {
                            target.inputTransformer(transformer -> transformer
                                    .inputPathsMap(event.inputPathsMap())
                                    .inputTemplate(template));
                        }
                    }));
            String account = queue.arn().split(":")[4];
            // A transformed event is the target's input exactly as the emulator built it from the template.
            queue.deliverTo(
                    event.functionLogicalId(),
                    template != null
                            ? body -> body.getBytes(StandardCharsets.UTF_8)
                            : body -> LambdaEventBridgeEvent.of(body, account),
                    invoker);
            log.debug(
                    "{}.{} receives events of rule {} on bus {}",
                    event.functionLogicalId(),
                    event.name(),
                    ruleName,
                    busName);
            return new EventBridgeToFunction(events, queue, busName, ruleName);
        } catch (RuntimeException failure) {
            queue.close();
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            events.removeTargets(
                    request -> request.rule(ruleName).eventBusName(busName).ids(TARGET_ID));
            events.deleteRule(request -> request.name(ruleName).eventBusName(busName));
        } catch (SdkException failure) {
            log.warn("Could not delete rule {} on bus {}: {}", ruleName, busName, failure.getMessage());
        }
        queue.close();
    }
}
