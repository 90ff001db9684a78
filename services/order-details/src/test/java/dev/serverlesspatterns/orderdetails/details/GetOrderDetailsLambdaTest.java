package dev.serverlesspatterns.orderdetails.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The details route through SCF's FunctionInvoker, fed the API Gateway event. Here the Lambda client reaches the AWS
 * emulator, where the callees (functions of other services) do not exist, which is how an undeployed or deleted
 * callee looks; AggregatorIT (e2e) runs the route against the real callees under the local runtime.
 */
@ExtendWith(LocalAwsExtension.class)
class GetOrderDetailsLambdaTest {

    private static final String FUNCTION = "GetOrderDetailsFunction";

    @Test
    void answers404ForAnIdNoOrderCanHaveWithoutCallingAnyService(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("get-order-details.json")
                .principal(newCustomer())
                .pathParameter("orderId", "..%2F..%2Fadmin");

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void answersTheInternalApisProblemNotA500WhenTheOrdersServiceCannotBeReached(LambdaHarness lambda) {
        // given an order id, and callees that do not exist where the Lambda client points
        ApiEvent request = ApiEvent.fixture("get-order-details.json")
                .principal(newCustomer())
                .pathParameter("orderId", UUID.randomUUID().toString());

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then the required part is missing, so the whole answer is the internal API's stable problem: Lambda's "no
        // such function" (502), or on a busy machine the first call's 2.5 s budget spent building the path (504)
        assertThat(response.problemCode()).isIn("CALLEE_UNAVAILABLE", "CALLEE_TIMED_OUT");
        assertThat(response.statusCode()).isEqualTo(response.problemCode().equals("CALLEE_UNAVAILABLE") ? 502 : 504);
        assertThat(response.body()).doesNotContain("ResourceNotFound");
    }

    @Test
    void refusesACallerWithoutTheReadScope(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("get-order-details.json")
                .principal(newCustomer())
                .scopes("orders:write")
                .pathParameter("orderId", UUID.randomUUID().toString());

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void refusesARequestThatDidNotPassTheAuthorizer(LambdaHarness lambda) {
        // given
        ApiEvent request = ApiEvent.fixture("get-order-details.json")
                .principal("")
                .pathParameter("orderId", UUID.randomUUID().toString());

        // when
        ProxyResponse response = request.sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("UNAUTHENTICATED");
    }

    private static String newCustomer() {
        return "customer-" + UUID.randomUUID();
    }
}
