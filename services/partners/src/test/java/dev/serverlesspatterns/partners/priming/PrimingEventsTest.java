package dev.serverlesspatterns.partners.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.partners.PartnerSandboxExtension;
import dev.serverlesspatterns.partners.PartnersApplication;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
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
 * Each function's SnapStart priming event walks the function's request path to the answer it was chosen for, writes
 * nothing and never calls the partner; the warm-ups of the paths the events cannot reach write nothing either.
 */
@ExtendWith({PartnerSandboxExtension.class, LocalAwsExtension.class, OutputCaptureExtension.class})
class PrimingEventsTest {

    @ParameterizedTest
    @CsvSource({
        "QuoteShippingRatesFunction, quote-shipping-rates, 400",
        "EstimateDeliveryFunction, estimate-delivery, 400"
    })
    void answersItsApiPrimingEventWithoutWriting(
            String function,
            String event,
            int status,
            LambdaHarness lambda,
            ProvisionedStack stack,
            PartnerSandbox sandbox)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        ProxyResponse response = ProxyResponse.parse(lambda.invoke(function, primingEvent(event)));

        // then
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(stack.itemCounts()).isEqualTo(before);
        assertThat(sandbox.requests()).isZero();
    }

    @Test
    void refusesTheRecordersPrimingEventByFailingWithoutWriting(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();
        String primingEvent = primingEvent("record-partner-failure");

        // when
        Throwable refusal = catchThrowable(() -> lambda.invoke("RecordPartnerFailureFunction", primingEvent));

        // then
        assertThat(refusal).isInstanceOf(LambdaFunctionException.class).hasMessageContaining("is no partner failure");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpTheBreakerPathsWithoutWritingOrCallingThePartner(
            LambdaHarness lambda, ProvisionedStack stack, PartnerSandbox sandbox, CapturedOutput output)
            throws IOException {
        // given: the functions' environment (set by their first invoke; recordPartnerFailure's throws)
        lambda.invoke("QuoteShippingRatesFunction", primingEvent("quote-shipping-rates"));
        lambda.invoke("EstimateDeliveryFunction", primingEvent("estimate-delivery"));
        catchThrowable(() -> lambda.invoke("RecordPartnerFailureFunction", primingEvent("record-partner-failure")));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the functions it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PartnersApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=quoteShippingRates;estimateDelivery;recordPartnerFailure")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then recordPartnerFailure's event is refused by throwing, so only its warm-up's log shows it ran
        assertThat(primed).containsExactly("quoteShippingRates", "estimateDelivery");
        assertThat(output)
                .contains("SnapStart priming ran QuoteShippingRatesWarmUp for quoteShippingRates")
                .contains("SnapStart priming ran EstimateDeliveryWarmUp for estimateDelivery")
                .contains("SnapStart priming ran RecordPartnerFailureWarmUp for recordPartnerFailure")
                .doesNotContain("SnapStart warm-up");
        assertThat(stack.itemCounts()).isEqualTo(before);
        assertThat(sandbox.requests()).isZero();
    }
}
