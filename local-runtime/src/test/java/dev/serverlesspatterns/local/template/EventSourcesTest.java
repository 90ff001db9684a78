package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's event sources and asynchronous settings, read the way SAM defines them. */
class EventSourcesTest {

    private final SamTemplate template = messagingTemplate();

    @Test
    void readsAnSqsEventSourceMapping() {
        // when the SQS event of the work function is read
        var mapping = template.function("ProcessWorkFunction").sqsEvents().getFirst();

        // then every setting the runtime honours is there
        assertThat(mapping.functionLogicalId()).isEqualTo("ProcessWorkFunction");
        assertThat(mapping.queue()).isEqualTo(Map.of("Fn::GetAtt", List.of("WorkQueue", "Arn")));
        assertThat(mapping.batchSize()).isEqualTo(5);
        assertThat(mapping.maximumBatchingWindowSeconds()).isEqualTo(1);
        assertThat(mapping.reportBatchItemFailures()).isTrue();
        assertThat(mapping.maximumConcurrency()).isEqualTo(2);
        assertThat(mapping.enabled()).isTrue();
    }

    @Test
    void readsSnsAndEventBridgeEventsAndTheAsyncInvokeConfig() {
        // given the notify function
        FunctionDefinition notify = template.function("NotifyFunction");

        // when its event sources and async settings are read
        var subscription = notify.snsEvents().getFirst();
        var rule = notify.eventBridgeRuleEvents().getFirst();
        var asyncConfig = notify.eventInvokeConfig();

        // then
        assertThat(subscription.filterPolicyScope()).isEqualTo("MessageBody");
        assertThat(subscription.filterPolicy()).isEqualTo(Map.of("kind", List.of("urgent")));
        assertThat(rule.pattern()).containsEntry("source", List.of("shop.audit"));
        assertThat(rule.maximumRetryAttempts()).isEqualTo(2);
        assertThat(rule.deadLetterQueue()).isEqualTo(Map.of("Fn::GetAtt", List.of("FailedInvocationsQueue", "Arn")));
        assertThat(rule.inputTemplate()).as("no input transformer").isNull();
        assertThat(asyncConfig.maximumRetryAttempts()).isEqualTo(1);
        assertThat(asyncConfig.maximumEventAgeInSeconds()).isEqualTo(300);
        assertThat(asyncConfig.onFailureType()).isEqualTo("SQS");
    }

    @Test
    void readsTheInputTransformerOfARule() {
        // given the repository's router, fed by a rule on the orders bus
        var rule = SamTemplate.ofRepository()
                .function("RouteNotificationFunction")
                .eventBridgeRuleEvents()
                .getFirst();

        // when / then its target's input transformer is read as the template writes it
        assertThat(rule.inputPathsMap())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("orderId", "$.detail.orderId", "customerId", "$.detail.customerId"));
        assertThat(rule.inputTemplate()).startsWith("{\"notificationId\":\"<orderId>\",\"channel\":\"PUSH\"");
    }

    @Test
    void appliesLambdaDefaultsWhenTheTemplateSaysNothing() {
        // when the work function's async settings are read
        var asyncConfig = template.function("ProcessWorkFunction").eventInvokeConfig();

        // then they are Lambda's defaults: two retries, six hours, no destination
        assertThat(asyncConfig.maximumRetryAttempts()).isEqualTo(2);
        assertThat(asyncConfig.maximumEventAgeInSeconds()).isEqualTo(21_600);
        assertThat(asyncConfig.onFailureDestination()).isNull();
    }

    static SamTemplate messagingTemplate() {
        try {
            return SamTemplate.load(Path.of(EventSourcesTest.class
                    .getResource("/templates/messaging.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
