package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every queue of the repository's template that holds failures (a dead-letter queue of another queue, a function's
 * on-failure destination, a rule's dead-letter queue) has a CloudWatch alarm on its depth, so a failure is never
 * parked without somebody being told.
 */
class FailureQueueAlarmsTest {

    private final SamTemplate template = SamTemplate.ofRepository();
    /** Only logical ids are read here, never physical names. */
    private final Intrinsics intrinsics = new Intrinsics(Map.of(), Map.of(), new Intrinsics.Resources() {
        @Override
        public String ref(String logicalId) {
            throw new UnsupportedOperationException(logicalId);
        }

        @Override
        public String attribute(String logicalId, String attribute) {
            throw new UnsupportedOperationException(logicalId);
        }
    });

    @Test
    void everyQueueThatHoldsFailuresHasAnAlarmOnItsDepth() {
        // given the queues the template parks failures in
        Stream<Object> deadLetterQueues = resourcesOfType("AWS::SQS::Queue")
                .map(queue ->
                        SamTemplate.section(queue.properties(), "RedrivePolicy").get("deadLetterTargetArn"));
        Stream<Object> functionFailureDestinations = template.functions().stream()
                .flatMap(function -> Stream.concat(
                        Stream.concat(
                                Stream.of(function.eventInvokeConfig().onFailureDestination()),
                                function.streamEvents().stream()
                                        .map(FunctionDefinition.StreamEvent::onFailureDestination)),
                        function.eventBridgeRuleEvents().stream()
                                .map(FunctionDefinition.EventBridgeRuleEvent::deadLetterQueue)));
        Set<String> failureQueues = Stream.concat(deadLetterQueues, functionFailureDestinations)
                .filter(Objects::nonNull)
                .map(intrinsics::referencedResource)
                .filter(id -> template.resource(id).type().equals("AWS::SQS::Queue"))
                .collect(Collectors.toSet());

        // when the alarms' queue dimensions are read
        Set<String> alarmed = resourcesOfType("AWS::CloudWatch::Alarm")
                .flatMap(alarm -> ((List<?>) alarm.properties().getOrDefault("Dimensions", List.of())).stream())
                .map(SamTemplate::asMap)
                .filter(dimension -> "QueueName".equals(dimension.get("Name")))
                .map(dimension -> intrinsics.referencedResource(dimension.get("Value")))
                .collect(Collectors.toSet());

        // then
        assertThat(failureQueues).isNotEmpty();
        assertThat(alarmed).containsAll(failureQueues);
    }

    private Stream<TemplateResource> resourcesOfType(String type) {
        return template.resources().values().stream()
                .filter(resource -> resource.type().equals(type));
    }
}
