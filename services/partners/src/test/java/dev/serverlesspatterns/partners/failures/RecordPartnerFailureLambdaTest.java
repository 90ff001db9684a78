package dev.serverlesspatterns.partners.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.Fixtures;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.partners.PartnerSandboxExtension;
import dev.serverlesspatterns.partners.PartnerTables;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/** The EventBridge breaker's recorder through SCF's FunctionInvoker, fed the event the partner-events rule delivers. */
@ExtendWith({PartnerSandboxExtension.class, LocalAwsExtension.class})
class RecordPartnerFailureLambdaTest {

    private static final String FUNCTION = "RecordPartnerFailureFunction";

    private PartnerTables tables;

    @BeforeEach
    void noFailures(ProvisionedStack stack) {
        tables = new PartnerTables(stack);
        tables.clearFailures();
    }

    @AfterEach
    void disconnect() {
        tables.close();
    }

    @Test
    void storesAFailureOnceWithItsExpiryHoweverOftenItIsDelivered(LambdaHarness lambda) {
        // given
        String eventId = UUID.randomUUID().toString();
        ObjectNode event = failure(eventId, "delivery-estimates", "2026-12-07T10:00:00Z");

        // when the rule delivers it twice
        lambda.invoke(FUNCTION, event.toString());
        lambda.invoke(FUNCTION, event.toString());

        // then it is stored once, expiring a failure window (60 s) after it happened
        assertThat(tables.failures()).singleElement().satisfies(item -> {
            assertThat(item.get("failureId").s()).isEqualTo(eventId);
            assertThat(item.get("target").s()).isEqualTo("delivery-estimates");
            assertThat(item.get("expiresAt").n())
                    .isEqualTo(
                            Long.toString(Instant.parse("2026-12-07T10:01:00Z").getEpochSecond()));
        });
    }

    @Test
    void failsOnAnEventThatIsNoPartnerFailureAndStoresNothing(LambdaHarness lambda) {
        // given
        ObjectNode event = failure(UUID.randomUUID().toString(), "delivery-estimates", "2026-12-07T10:00:00Z")
                .put("source", "somebody.else");

        // when / then: the failure is Lambda's to retry and then to send to the on-failure queue
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("is no partner failure");
        assertThat(tables.failures()).isEmpty();
    }

    @Test
    void failsOnAFailureWithoutATimeAndStoresNothing(LambdaHarness lambda) {
        // given
        ObjectNode event = failure(UUID.randomUUID().toString(), "delivery-estimates", "yesterday");

        // when / then
        assertThatThrownBy(() -> lambda.invoke(FUNCTION, event.toString()))
                .isInstanceOf(LambdaFunctionException.class)
                .hasMessageContaining("has no ISO-8601 failedAt");
        assertThat(tables.failures()).isEmpty();
    }

    static ObjectNode failure(String eventId, String target, String failedAt) {
        return Fixtures.event(
                "record-partner-failure.json", Map.of("EVENT_ID", eventId, "TARGET", target, "FAILED_AT", failedAt));
    }
}
