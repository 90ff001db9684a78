package dev.serverlesspatterns.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/** Replaying a function's on-failure queue into the function's source: the original events, not the records. */
@ExtendWith(SharedEmulator.class)
class PayloadOnlyRedriveTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static AwsEmulator emulator;
    private static SqsClient sqs;
    private static TestQueues queues;

    @BeforeAll
    static void connectToTheSharedEmulator(AwsEmulator shared) {
        emulator = shared;
        sqs = emulator.endpoint().configure(SqsClient.builder());
        queues = new TestQueues(sqs);
    }

    @AfterAll
    static void closeTheClients() {
        sqs.close();
    }

    @Test
    void sendsTheOriginalRequestPayloadOfALambdaOnFailureRecord() {
        // given a function's on-failure queue holding Lambda's record of an event it gave up on
        String failures = queues.standalone("confirmation-failures");
        String confirmations = queues.standalone("confirmations");
        String record = Fixtures.event("lambda-destination-record.json");
        queues.send(failures, record, Map.of());

        // when the failures are re-driven payload-only into the function's source queue
        RedriveResult result =
                redrive(RedriveRequest.of(failures).withTarget(confirmations).withPayloadOnly());

        // then the source queue holds exactly the original event, and the failure queue is empty
        assertThat(result.moved()).isEqualTo(1);
        assertThat(queues.drainBodies(confirmations)).singleElement().satisfies(body -> {
            assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree(record).get("requestPayload"));
            assertThat(body).startsWith("{\"orderId\":\"o-7f3a\"").contains("\"weightKg\":0.50");
        });
        assertThat(queues.counts(failures)).isEqualTo(new TestQueues.Counts(0, 0));
    }

    @Test
    void stopsAtAMessageThatIsNotALambdaRecordAndKeepsIt() {
        // given an on-failure queue holding a plain message
        String failures = queues.standalone("mixed-failures");
        String confirmations = queues.standalone("mixed-confirmations");
        queues.send(failures, "{\"orderId\":\"o-1\"}", Map.of());

        // when it is re-driven payload-only
        RedriveResult result =
                redrive(RedriveRequest.of(failures).withTarget(confirmations).withPayloadOnly());

        // then nothing is sent, the run reports why, and the message is still there, visible
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure()).get().asString().contains("not a Lambda on-failure record");
        assertThat(queues.counts(confirmations)).isEqualTo(new TestQueues.Counts(0, 0));
        assertThat(queues.counts(failures)).isEqualTo(new TestQueues.Counts(1, 0));
    }

    @Test
    void aDryRunListsOnFailureRecordsWithoutATarget() {
        // given an on-failure queue holding a record; no queue has it as dead-letter queue
        String failures = queues.standalone("listed-failures");
        queues.send(failures, Fixtures.event("lambda-destination-record.json"), Map.of());

        // when a payload-only dry run lists it, no target given
        RedriveResult result =
                redrive(RedriveRequest.of(failures).withPayloadOnly().withDryRun());

        // then it was listed, with no target to name, and is still there, visible
        assertThat(result.listed()).isEqualTo(1);
        assertThat(result.targetQueueUrl()).isEmpty();
        assertThat(queues.counts(failures)).isEqualTo(new TestQueues.Counts(1, 0));
    }

    private static RedriveResult redrive(RedriveRequest request) {
        return new DlqRedrive(sqs, DlqRedrive.DEFAULT_VISIBILITY_TIMEOUT).redrive(request);
    }
}
