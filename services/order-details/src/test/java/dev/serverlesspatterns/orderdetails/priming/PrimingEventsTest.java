package dev.serverlesspatterns.orderdetails.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.orderdetails.OrderDetailsApplication;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The details function's SnapStart priming event is refused before any internal call (an id no order can have), and
 * its warm-up (the callees' DryRun invokes, the answer's JSON) completes whatever the callees are: here they do not
 * exist, and a refused DryRun is logged, not thrown.
 */
@ExtendWith(LocalAwsExtension.class)
class PrimingEventsTest {

    @Test
    void answersItsPrimingEventWithA404WithoutCallingAnyService(LambdaHarness lambda) throws IOException {
        // when
        ProxyResponse response =
                ProxyResponse.parse(lambda.invoke("GetOrderDetailsFunction", primingEvent("get-order-details")));

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void primesTheFunctionWithItsEventAndWarmUp(LambdaHarness lambda) throws IOException {
        // given: the function's environment (set by its first invoke)
        lambda.invoke("GetOrderDetailsFunction", primingEvent("get-order-details"));

        // when
        List<String> primed;
        // Arguments: they override the system properties the harness set for the function it started.
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(OrderDetailsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=getOrderDetails")) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then
        assertThat(primed).containsExactly("getOrderDetails");
    }
}
