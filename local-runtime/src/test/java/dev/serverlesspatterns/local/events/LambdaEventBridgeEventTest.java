package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The EventBridge event a function receives from a rule. */
class LambdaEventBridgeEventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void passesACompleteEventOnByteForByte() {
        // given an event as EventBridge delivers it on AWS
        String delivered = EventFixtures.read("eventbridge-event.json").toString();

        // when it becomes the function's event
        byte[] event = LambdaEventBridgeEvent.of(delivered, "000000000000");

        // then it is unchanged
        assertThat(new String(event, StandardCharsets.UTF_8)).isEqualTo(delivered);
    }

    @Test
    void putsBackTheAccountAnEmulatorLeftOut() {
        // given an event without its account, as moto sends it to an SQS target
        String delivered = """
                {"id": "e-1", "time": "2026-11-26T17:06:36Z", "version": "0", "detail-type": "AuditRecorded",
                 "source": "shop.audit", "region": "us-east-1", "resources": [], "detail": {"orderId": "o-1"}}""";

        // when it becomes the function's event
        JsonNode event = JSON.readTree(LambdaEventBridgeEvent.of(delivered, "000000000000"));

        // then it has every field of a captured event, in AWS's order, with the account in its place
        assertThat(event.propertyNames())
                .containsExactlyElementsOf(
                        EventFixtures.read("eventbridge-event.json").propertyNames());
        assertThat(event.path("account").asString()).isEqualTo("000000000000");
        assertThat(event.at("/detail/orderId").asString()).isEqualTo("o-1");
    }
}
