package dev.serverlesspatterns.local.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import dev.serverlesspatterns.local.testing.TopicTap;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * state-machine.yaml provisioned in the emulator: its executions run there, and their Lambda tasks reach the functions
 * behind the local runtime's Lambda Invoke API, with the state machine's Retry and Catch deciding what follows.
 */
@ExtendWith(SharedEmulator.class)
class StateMachineLambdaTasksTest {

    private static final String STACK_NAME = "state-machine";
    private static final RetryDelays SHORT_DELAYS = new RetryDelays(Duration.ofMillis(50), Duration.ofMillis(50));

    private static AwsEmulator emulator;
    private static Stack stack;
    private static SfnClient sfn;
    private static SqsClient sqs;
    private static SnsClient sns;

    private AsyncInvocations asyncInvocations;
    private LambdaApiServer api;

    @BeforeAll
    static void provisionTheStateMachineTemplate(AwsEmulator shared) throws URISyntaxException {
        emulator = shared;
        SamTemplate template = SamTemplate.load(Path.of(StateMachineLambdaTasksTest.class
                .getResource("/templates/state-machine.yaml")
                .toURI()));
        stack = Provisioner.provision(template, emulator.endpoint(), STACK_NAME, Map.of());
        sfn = emulator.endpoint().configure(SfnClient.builder());
        sqs = emulator.endpoint().configure(SqsClient.builder());
        sns = emulator.endpoint().configure(SnsClient.builder());
    }

    @AfterAll
    static void closeTheClients() {
        sfn.close();
        sqs.close();
        sns.close();
    }

    @AfterEach
    void stopTheApi() {
        if (api != null) {
            api.close();
            asyncInvocations.close();
        }
    }

    @Test
    void createsTheStateMachineWithItsSubstitutionsFilledIn() {
        // given the provisioned template

        // when the state machine is looked up by the ARN Ref answers
        String arn = stack.ref("ChargeStateMachine");
        String definition = sfn.describeStateMachine(describe -> describe.stateMachineArn(arn))
                .definition();

        // then it is named like a deployed one and calls the function's live alias, publishing to the topic's ARN
        assertThat(arn)
                .isEqualTo("arn:aws:states:" + emulator.endpoint().region() + ":" + AwsEndpoint.ACCOUNT_ID
                        + ":stateMachine:" + STACK_NAME + "-ChargeStateMachine");
        assertThat(stack.attribute("ChargeStateMachine", "Name")).isEqualTo(STACK_NAME + "-ChargeStateMachine");
        assertThat(definition)
                .contains("\"FunctionName\":\"" + stack.attribute("ChargeFunction", "Arn") + ":live\"")
                .contains("\"TopicArn\":\"" + stack.ref("AlertTopic") + "\"")
                .doesNotContain("${");
    }

    @Test
    void aTransientFailureIsRetriedByTheStateMachineAgainstTheRealFunction() {
        // given a function that fails its first two calls, behind the Invoke API the executions are sent to
        RecordingFunction function = RecordingFunction.failingFirst(2);
        start(function);

        // when an execution runs
        String input = "{\"chargeId\":\"" + UUID.randomUUID() + "\"}";
        DescribeExecutionResponse execution = run(input);

        // then it succeeded with the function's answer on the third attempt, each attempt in its history
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.output()).isEqualToIgnoringWhitespace(RecordingFunction.ANSWER);
        assertThat(function.calls()).hasSize(3).allSatisfy(call -> {
            assertThat(call.functionLogicalId()).isEqualTo("ChargeFunction");
            assertThat(call.event()).isEqualToIgnoringWhitespace(input);
        });
        List<HistoryEvent> failures = history(execution).stream()
                .filter(event -> event.type() == HistoryEventType.TASK_FAILED)
                .toList();
        assertThat(failures)
                .hasSize(2)
                .allSatisfy(
                        failure -> assertThat(failure.taskFailedEventDetails().error())
                                .isEqualTo("java.lang.IllegalStateException"));
    }

    @Test
    void whenRetriesAreSpentTheCatchPublishesToTheEmulatorsTopicAndFails() {
        // given a function that always fails, and a subscriber of the alert topic
        RecordingFunction function = RecordingFunction.alwaysFailing();
        start(function);
        try (TopicTap alerts = new TopicTap(new ProvisionedStack(stack), "AlertTopic")) {

            // when an execution runs
            DescribeExecutionResponse execution = run("{\"chargeId\":\"" + UUID.randomUUID() + "\"}");

            // then it failed with the function's error after its three attempts, and the alert reached the topic
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("java.lang.IllegalStateException");
            assertThat(execution.cause()).contains("poison pill");
            assertThat(function.calls()).hasSize(3);
            assertThat(alerts.published("poison pill", 1, Duration.ofSeconds(10)))
                    .hasSize(1);
        }
    }

    private void start(RecordingFunction function) {
        asyncInvocations = new AsyncInvocations(
                stack.template(), stack.intrinsics(), function, sqs, sns, Clock.systemUTC(), SHORT_DELAYS);
        api = LambdaApiServer.start(stack, function, asyncInvocations, 0);
        assumeThat(emulator.sendLambdaTasksTo(api.endpoint()))
                .as("only moto (started by the local runtime) sends Lambda tasks to the local runtime")
                .isTrue();
    }

    private static DescribeExecutionResponse run(String input) {
        String executionArn = sfn.startExecution(start -> start.stateMachineArn(stack.ref("ChargeStateMachine"))
                        .name(UUID.randomUUID().toString())
                        .input(input))
                .executionArn();
        Instant deadline = Instant.now().plusSeconds(30);
        DescribeExecutionResponse execution;
        do {
            execution = sfn.describeExecution(describe -> describe.executionArn(executionArn));
        } while (execution.status() == ExecutionStatus.RUNNING && Instant.now().isBefore(deadline) && pause());
        return execution;
    }

    private static List<HistoryEvent> history(DescribeExecutionResponse execution) {
        return sfn.getExecutionHistory(history -> history.executionArn(execution.executionArn()))
                .events();
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
