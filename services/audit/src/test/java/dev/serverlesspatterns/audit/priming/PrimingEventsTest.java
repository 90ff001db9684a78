package dev.serverlesspatterns.audit.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.audit.AuditApplication;
import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing; the warm-ups of the publishes the events
 * cannot reach publish nothing either.
 */
@ExtendWith({LocalAwsExtension.class, OutputCaptureExtension.class})
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({"PublishAuditEventFunction, publish-audit-event, 400"})
    void answersItsApiPrimingEventWithoutWriting(
            String function, String event, int status, LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        ProxyResponse response = ProxyResponse.parse(lambda.invoke(function, primingEvent(event)));

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"DistributeOrderActivityFunction, distribute-order-activity, breaks the OrderPlaced contract"})
    void refusesItsPrimingEventByFailingWithoutWriting(
            String function, String event, String failure, LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();
        String primingEvent = primingEvent(event);

        // when
        Throwable refusal = catchThrowable(() -> lambda.invoke(function, primingEvent));

        // then
        assertThat(refusal).isInstanceOf(LambdaFunctionException.class).hasMessageContaining(failure);
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpThePublishesOfBothFunctionsWithoutPublishing(
            LambdaHarness lambda, ProvisionedStack stack, CapturedOutput output) throws IOException {
        // given: the functions' environment (set by their first invoke; distributeOrderActivity's throws), and a
        // queue subscribed to both topics
        lambda.invoke("PublishAuditEventFunction", primingEvent("publish-audit-event"));
        catchThrowable(
                () -> lambda.invoke("DistributeOrderActivityFunction", primingEvent("distribute-order-activity")));
        Map<String, Integer> before = stack.itemCounts();
        try (SqsClient sqs = stack.client(SqsClient.builder());
                SnsClient sns = stack.client(SnsClient.builder())) {
            String queueUrl = sqs.createQueue(queue -> queue.queueName("priming-audit-topics"))
                    .queueUrl();
            String queueArn = sqs.getQueueAttributes(
                            attributes -> attributes.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            for (String topic : List.of("AUDIT_EVENTS_TOPIC", "ORDER_ACTIVITY_TOPIC")) {
                sns.subscribe(subscribe -> subscribe
                        .topicArn(System.getProperty(topic))
                        .protocol("sqs")
                        .endpoint(queueArn));
            }

            // when
            List<String> primed;
            // Arguments: they override the system properties the harness set for the functions it started.
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(AuditApplication.class)
                    .run(
                            "--spring.main.web-application-type=none",
                            "--platform.priming.enabled=true",
                            "--platform.priming.rounds=1",
                            "--spring.cloud.function.definition=publishAuditEvent;distributeOrderActivity")) {
                primed = service.getBean(FunctionPriming.class).prime();
            }

            // then distributeOrderActivity's event is refused by throwing, so only its warm-up's log shows it ran
            assertThat(primed).containsExactly("publishAuditEvent");
            assertThat(output)
                    .contains("SnapStart priming ran PublishAuditEventWarmUp for publishAuditEvent")
                    .contains("SnapStart priming ran DistributeOrderActivityWarmUp for distributeOrderActivity")
                    .doesNotContain("SnapStart warm-up");
            assertThat(stack.itemCounts()).isEqualTo(before);
            assertThat(sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
        }
    }
}
