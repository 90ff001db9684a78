package dev.serverlesspatterns.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FunctionFaultsTest {

    private final FunctionFaults faults = new FunctionFaults();

    @Test
    void anInjectionLastsUntilItsHandleIsClosed() {
        // given a delay injected into one function
        FunctionFaults.Injection delay = faults.delay("CustomerProfileFunction", Duration.ofSeconds(2));

        // then that function has it and no other does
        assertThat(faults.of("CustomerProfileFunction")).hasValueSatisfying(fault -> {
            assertThat(fault.delay()).isEqualTo(Duration.ofSeconds(2));
            assertThat(fault.failure()).isEmpty();
        });
        assertThat(faults.of("ShipmentForOrderFunction")).isEmpty();

        // when the handle is closed
        delay.close();

        // then the function runs unharmed again
        assertThat(faults.of("CustomerProfileFunction")).isEmpty();
    }

    @Test
    void aLaterInjectionReplacesTheEarlierOneAndTheEarlierHandleLeavesItInPlace() {
        // given a delay, then a failure injected into the same function
        FunctionFaults.Injection delay = faults.delay("CustomerProfileFunction", Duration.ofSeconds(2));
        faults.fail("CustomerProfileFunction", "the profile store is gone");

        // when the first handle is closed
        delay.close();

        // then the failure is still in force
        assertThat(faults.of("CustomerProfileFunction"))
                .hasValueSatisfying(fault -> assertThat(fault.failure()).hasValue("the profile store is gone"));
    }

    @Test
    void anInjectedFailureAnswersAsAnUnhandledFunctionError() {
        // given a failure injected into a function
        faults.fail("CustomerProfileFunction", "the profile store is gone");

        // when its result is read
        InvocationResult result =
                faults.of("CustomerProfileFunction").orElseThrow().failureResult();

        // then it is Lambda's unhandled function error, marked as injected
        assertThat(result.functionError()).isEqualTo("Unhandled");
        JsonNode error = JsonMapper.builder().build().readTree(result.payload());
        assertThat(error.get("errorType").asString()).isEqualTo(FunctionFaults.INJECTED_ERROR_TYPE);
        assertThat(error.get("errorMessage").asString()).isEqualTo("the profile store is gone");
    }
}
