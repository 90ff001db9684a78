package dev.serverlesspatterns.orders.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.orders.OrdersApplication;
import dev.serverlesspatterns.orders.order.ConfirmationHandoffsExtension;
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
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing; the warm-ups of the write calls the
 * events cannot reach write and deliver nothing either.
 */
// Places orders, so it points the Lambda client at the recorded handoffs like every such class (see the extension).
@ExtendWith({LocalAwsExtension.class, ConfirmationHandoffsExtension.class})
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({
        "PlaceOrderFunction, place-order, 400",
        "GetOrderFunction, get-order, 404",
        "ListOrdersFunction, list-orders, 200",
        "CancelOrderFunction, cancel-order, 404",
        "ChangeQuantityFunction, change-quantity, 404"
    })
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

    @Test
    void answersNotFoundForTheSummaryPrimingEventWithoutWriting(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke("SummarizeOrderFunction", primingEvent("summarize-order"));

        // then
        assertThat(answer).contains("\"found\":false");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource("PublishOrderEventsFunction, publish-order-events")
    void announcesNothingForItsStreamPrimingEvent(
            String function, String event, LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke(function, primingEvent(event));

        // then
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpTheWritesOfPlaceOrderAndPublishOrderEventsWithoutWritingOrDelivering(
            LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given: the functions' environment (set by their first invoke), and a queue that would get any order event
        // about the priming order
        lambda.invoke("PlaceOrderFunction", primingEvent("place-order"));
        lambda.invoke("PublishOrderEventsFunction", primingEvent("publish-order-events"));
        Map<String, Integer> before = stack.itemCounts();
        try (SqsClient sqs = stack.client(SqsClient.builder());
                EventBridgeClient events = stack.client(EventBridgeClient.builder())) {
            String queueUrl = sqs.createQueue(queue -> queue.queueName("priming-order-events"))
                    .queueUrl();
            catchPrimingOrderEvents(events, sqs, queueUrl, System.getProperty("ORDER_EVENTS_BUS"));

            // when
            List<String> primed;
            // Arguments: they override the system properties the harness set for the last function it started.
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(OrdersApplication.class)
                    .run(
                            "--spring.main.web-application-type=none",
                            "--platform.priming.enabled=true",
                            "--platform.priming.rounds=1",
                            "--spring.cloud.function.definition=placeOrder;publishOrderEvents")) {
                primed = service.getBean(FunctionPriming.class).prime();
            }

            // then
            assertThat(primed).containsExactly("placeOrder", "publishOrderEvents");
            assertThat(stack.itemCounts()).isEqualTo(before);
            assertThat(sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).waitTimeSeconds(1))
                            .messages())
                    .isEmpty();
        }
    }

    /** A rule that sends the bus's events about the priming order to the queue. */
    @Test
    void warmsUpTheUpdateOfChangeQuantityAndTheSummaryWithoutWriting(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given: the function's environment (set by its first invoke)
        lambda.invoke("ChangeQuantityFunction", primingEvent("change-quantity"));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(OrdersApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=changeQuantity;summarizeOrder")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("changeQuantity", "summarizeOrder");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    private static void catchPrimingOrderEvents(
            EventBridgeClient events, SqsClient sqs, String queueUrl, String busName) {
        String queueArn = sqs.getQueueAttributes(
                        attributes -> attributes.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
        events.putRule(rule -> rule.name("priming-order-events")
                .eventBusName(busName)
                .eventPattern("{\"detail\":{\"orderId\":[\"00000000-0000-0000-0000-000000000000\"]}}"));
        events.putTargets(targets -> targets.rule("priming-order-events")
                .eventBusName(busName)
                .targets(target -> target.id("queue").arn(queueArn)));
    }
}
