package dev.serverlesspatterns.checkout.api;

import dev.serverlesspatterns.checkout.CheckoutProperties;
import dev.serverlesspatterns.platform.Settings;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checkout state machine's executions, each named by its checkout id. Step Functions keeps an execution's name
 * unique (for 90 days after it closes), which is what makes a start idempotent: a second start with the same name and
 * input answers the running execution, and after it closed fails with {@code ExecutionAlreadyExists}.
 */
@Component
class CheckoutExecutions {

    enum Start {
        STARTED,
        /** An execution of this checkout with the same input exists already. */
        REPLAYED,
        /** An execution of this checkout exists with another input: the idempotency key was reused. */
        KEY_REUSED
    }

    private final SfnClient sfn;
    private final JsonMapper json;
    private final String stateMachineArn;

    CheckoutExecutions(SfnClient sfn, JsonMapper json, CheckoutProperties properties) {
        this.sfn = sfn;
        this.json = json;
        this.stateMachineArn = Settings.required(
                properties.stateMachineArn(), "checkout.state-machine-arn", "CHECKOUT_STATE_MACHINE_ARN");
    }

    Start start(CheckoutInput checkout) {
        String input = json.writeValueAsString(checkout);
        try {
            sfn.startExecution(start -> start.stateMachineArn(stateMachineArn)
                    .name(checkout.checkoutId())
                    .input(input));
            return Start.STARTED;
        } catch (ExecutionAlreadyExistsException closedOrOtherInput) {
            DescribeExecutionResponse earlier = describe(checkout.checkoutId()).orElseThrow(() -> closedOrOtherInput);
            return json.readTree(earlier.input()).equals(json.readTree(input)) ? Start.REPLAYED : Start.KEY_REUSED;
        }
    }

    Optional<DescribeExecutionResponse> describe(String checkoutId) {
        try {
            return Optional.of(sfn.describeExecution(describe -> describe.executionArn(executionArn(checkoutId))));
        } catch (ExecutionDoesNotExistException unknown) {
            return Optional.empty();
        }
    }

    /** The ARN Step Functions gives an execution: the state machine's, as an execution, and the execution's name. */
    private String executionArn(String checkoutId) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + checkoutId;
    }
}
