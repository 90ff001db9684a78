package dev.serverlesspatterns.audit.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.TopicTap;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Distributed Trigger's function through SCF's FunctionInvoker, fed the event an EventBridge rule delivers. */
@ExtendWith(LocalAwsExtension.class)
class DistributeOrderActivityLambdaTest {

    private static final String FUNCTION = "DistributeOrderActivityFunction";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration NOTHING_MORE = Duration.ofSeconds(2);

    private TopicTap topic;

    @BeforeEach
    void tapTheTopic(ProvisionedStack stack) {
        topic = new TopicTap(stack, "OrderActivityTopic");
    }

    @AfterEach
    void closeTap() {
        topic.close();
    }

    @Test
    void republishesTheOrderEventOnceWithItsTypeAndIdAsAttributes(LambdaHarness lambda) {
        // given
        String orderId = UUID.randomUUID().toString();
        ObjectNode event = fixture(orderId);

        // when
        lambda.invoke(FUNCTION, event.toString());

        // then
        assertThat(topic.published(orderId, 2, NOTHING_MORE)).singleElement().satisfies(message -> {
            assertThat(JSON.readTree(message.body())).isEqualTo(event.get("detail"));
            assertThat(message.messageAttributes().get("eventType").stringValue())
                    .isEqualTo("OrderPlaced");
            assertThat(message.messageAttributes().get("eventId").stringValue())
                    .isEqualTo(event.get("id").asString());
        });
    }

    @Test
    void failsOnAnEventThatBreaksItsContractAndPublishesNothing(LambdaHarness lambda) {
        // given an OrderPlaced without its total
        String orderId = UUID.randomUUID().toString();
        ObjectNode event = fixture(orderId);
        ((ObjectNode) event.get("detail")).remove("totalCents");

        // when / then: the failure is Lambda's to retry and then to send to the on-failure queue
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("breaks the OrderPlaced contract");
        assertThat(topic.published(orderId, 1, NOTHING_MORE)).isEmpty();
    }

    @Test
    void failsOnAnEventFromAnotherSource(LambdaHarness lambda) {
        // given
        String orderId = UUID.randomUUID().toString();
        ObjectNode event = fixture(orderId).put("source", "somebody.else");

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("is no order event");
        assertThat(topic.published(orderId, 1, NOTHING_MORE)).isEmpty();
    }

    /** An {@code OrderPlaced} of the test's own order, as the rule delivers it. */
    private static ObjectNode fixture(String orderId) {
        return Fixtures.event("distribute-order-activity.json", Map.of("ORDER_ID", orderId));
    }
}
