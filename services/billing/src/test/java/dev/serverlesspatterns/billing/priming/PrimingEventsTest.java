package dev.serverlesspatterns.billing.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.billing.BillingApplication;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing; the warm-ups of the calls the event
 * cannot reach write and publish nothing either.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({"IssueInvoiceFunction, issue-invoice", "BillInvoiceRunChunkFunction, bill-invoice-run-chunk"})
    void refusesItsQueuedPrimingMessageWithoutWriting(
            String function, String event, LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke(function, primingEvent(event));

        // then the message would return to its queue, and nothing was written
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"snapstart-priming\"}]}");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void theSplittersPrimingEventReadsARunFileThatDoesNotExistAndWritesNothing(
            LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        lambda.invoke("SplitInvoiceRunFunction", primingEvent("split-invoice-run"));

        // then the run file was looked for and not found, and nothing was written
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpTheCallsOfIssueInvoiceWithoutWritingOrPublishing(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given: the function's environment (set by its first invoke), and a queue subscribed to billing's topic
        lambda.invoke("IssueInvoiceFunction", primingEvent("issue-invoice"));
        Map<String, Integer> before = stack.itemCounts();
        try (SqsClient sqs = stack.client(SqsClient.builder());
                SnsClient sns = stack.client(SnsClient.builder())) {
            String queueUrl = sqs.createQueue(queue -> queue.queueName("priming-billing-notifications"))
                    .queueUrl();
            String queueArn = sqs.getQueueAttributes(
                            attributes -> attributes.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(subscribe -> subscribe
                    .topicArn(System.getProperty("BILLING_NOTIFICATIONS_TOPIC"))
                    .protocol("sqs")
                    .endpoint(queueArn));

            // when
            List<String> primed;
            // Arguments: they override the system properties the harness set for the function it started.
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BillingApplication.class)
                    .run(
                            "--spring.main.web-application-type=none",
                            "--platform.priming.enabled=true",
                            "--platform.priming.rounds=1",
                            "--spring.cloud.function.definition=issueInvoice")) {
                primed = service.getBean(FunctionPriming.class).prime();
            }

            // then
            assertThat(primed).containsExactly("issueInvoice");
            assertThat(stack.itemCounts()).isEqualTo(before);
            assertThat(sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
        }
    }
}
