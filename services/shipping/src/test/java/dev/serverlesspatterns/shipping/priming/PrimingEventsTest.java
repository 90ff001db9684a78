package dev.serverlesspatterns.shipping.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import dev.serverlesspatterns.shipping.ShippingApplication;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each function's SnapStart priming event walks its request path to the answer it was chosen for and writes nothing;
 * the warm-up of the write the planner's event cannot reach writes nothing either.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    @Test
    void thePlannerRefusesItsQueuedPrimingMessageWithoutWriting(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke("PlanShipmentFunction", primingEvent("plan-shipment"));

        // then the message would return to its queue, and nothing was written
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"snapstart-priming\"}]}");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void theInternalApiAnswersAnUnknownOrderForItsPrimingEvent(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke("GetShipmentForOrderFunction", primingEvent("get-shipment-for-order"));

        // then the whole path ran (the GetItem included) to the not-found answer, and nothing was written
        assertThat(answer).contains("\"found\":false");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpThePlannersWriteWithoutWriting(LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given: the function's environment (set by its first invoke)
        lambda.invoke("PlanShipmentFunction", primingEvent("plan-shipment"));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ShippingApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=planShipment")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("planShipment");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
