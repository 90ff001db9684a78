package dev.serverlesspatterns.notifications.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.notifications.NotificationsApplication;
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

/**
 * Each function's SnapStart priming event (the one {@code platform.priming} runs before a snapshot) walks the
 * function's request path to the answer it was chosen for, and writes nothing; the warm-ups of the writes the events
 * cannot reach write nothing either.
 */
@ExtendWith({LocalAwsExtension.class, OutputCaptureExtension.class})
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({"SendCancellationNoticeFunction, send-cancellation-notice"})
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

    @ParameterizedTest
    @CsvSource({
        "SendOrderConfirmationFunction, send-order-confirmation, customerId",
        "RouteNotificationFunction, function-router, required property 'recipient' not found"
    })
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
    void warmsUpTheWritesOfEveryFunctionWithoutWriting(
            LambdaHarness lambda, ProvisionedStack stack, CapturedOutput output) throws IOException {
        // given: the functions' environment (set by their first invoke; the router's tables as arguments)
        lambda.invoke("SendCancellationNoticeFunction", primingEvent("send-cancellation-notice"));
        Map<String, String> router = stack.environment("RouteNotificationFunction");
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(NotificationsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--notifications.channel-tables.email=" + router.get("EMAIL_NOTIFICATIONS_TABLE"),
                        "--notifications.channel-tables.sms=" + router.get("SMS_NOTIFICATIONS_TABLE"),
                        "--notifications.channel-tables.push=" + router.get("PUSH_NOTIFICATIONS_TABLE"),
                        "--spring.cloud.function.definition=sendOrderConfirmation;sendCancellationNotice;functionRouter")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then the events of sendOrderConfirmation and functionRouter are refused by throwing, so only their warm-ups'
        // logs show they ran
        assertThat(primed).containsExactly("sendCancellationNotice");
        assertThat(output)
                .contains("SnapStart priming ran SendOrderConfirmationWarmUp for sendOrderConfirmation")
                .contains("SnapStart priming ran RouteNotificationWarmUp for functionRouter")
                .contains("SnapStart priming ran SendCancellationNoticeWarmUp for sendCancellationNotice")
                .doesNotContain("SnapStart warm-up");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
