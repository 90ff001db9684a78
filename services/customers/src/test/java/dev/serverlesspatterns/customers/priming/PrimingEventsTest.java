package dev.serverlesspatterns.customers.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.customers.CustomersApplication;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stream function's SnapStart priming event (a removed address) walks its path to the empty answer and writes
 * nothing; the warm-up of the write the event cannot reach writes nothing either. The internal API's priming event
 * (an unknown customer) reads and writes nothing.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    private static final String FUNCTION = "VerifyDeliveryAddressesFunction";

    @Test
    void verifiesNothingForItsStreamPrimingEvent(LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke(FUNCTION, primingEvent("verify-delivery-addresses"));

        // then
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownCustomerForTheInternalApisPrimingEvent(LambdaHarness lambda, ProvisionedStack stack)
            throws IOException {
        // given
        Map<String, Integer> before = stack.itemCounts();

        // when
        String answer = lambda.invoke("GetCustomerProfileFunction", primingEvent("get-customer-profile"));

        // then the whole path ran (the Query included) to the not-found answer, and nothing was written
        assertThat(answer).isEqualTo("{\"customerId\":\"snapstart-priming\",\"found\":false,\"deliveryAddresses\":[]}");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }

    @Test
    void warmsUpTheVerificationWriteWithoutWriting(LambdaHarness lambda, ProvisionedStack stack) throws IOException {
        // given: the function's environment (set by its first invoke)
        lambda.invoke(FUNCTION, primingEvent("verify-delivery-addresses"));
        Map<String, Integer> before = stack.itemCounts();

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CustomersApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=verifyDeliveryAddresses")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("verifyDeliveryAddresses");
        assertThat(stack.itemCounts()).isEqualTo(before);
    }
}
