package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lambda's rules for what an SQS batch response means. */
class BatchOutcomeTest {

    private static final List<String> BATCH = List.of("m-1", "m-2", "m-3");

    @Test
    void aFunctionErrorFailsTheWholeBatch() {
        // given a function that threw
        InvocationResult error = new InvocationResult(bytes("{\"errorMessage\":\"boom\"}"), "Unhandled");

        // when the batch is settled
        BatchOutcome outcome = BatchOutcome.of(error, true, BATCH);

        // then no message is deleted
        assertThat(outcome.failedMessageIds()).containsExactlyInAnyOrderElementsOf(BATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}"})
    void aResponseWithoutItemFailuresSucceedsTheWholeBatch(String response) {
        // when the function answers without listing failures
        BatchOutcome outcome = BatchOutcome.of(success(response), true, BATCH);

        // then every message is deleted
        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    void onlyTheReportedItemsFail() {
        // given a response that lists one message
        InvocationResult response = success("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");

        // when the batch is settled
        BatchOutcome outcome = BatchOutcome.of(response, true, BATCH);

        // then that message stays, the others are deleted
        assertThat(outcome.failedMessageIds()).containsExactly("m-2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-9\"}]}",
                "{\"batchItemFailures\":[{\"messageId\":\"m-2\"}]}",
                "{\"batchItemFailures\":\"m-2\"}",
                "[\"m-2\"]",
                "not json"
            })
    void aResponseLambdaCannotReadFailsTheWholeBatch(String response) {
        // when the function answers with an empty, unknown or misnamed identifier, or no JSON at all
        BatchOutcome outcome = BatchOutcome.of(success(response), true, BATCH);

        // then Lambda treats the whole batch as failed
        assertThat(outcome.failedMessageIds()).containsExactlyInAnyOrderElementsOf(BATCH);
    }

    @Test
    void itemFailuresAreIgnoredUnlessTheMappingReportsThem() {
        // given a mapping without ReportBatchItemFailures and a function that lists a failure anyway
        InvocationResult response = success("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");

        // when the batch is settled
        BatchOutcome outcome = BatchOutcome.of(response, false, BATCH);

        // then the invocation succeeded, so every message is deleted
        assertThat(outcome.succeeded()).isTrue();
    }

    private static InvocationResult success(String payload) {
        return new InvocationResult(bytes(payload), null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
