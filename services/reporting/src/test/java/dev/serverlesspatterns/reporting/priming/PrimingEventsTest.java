package dev.serverlesspatterns.reporting.priming;

import static dev.serverlesspatterns.local.testing.Fixtures.primingEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.serverlesspatterns.local.testing.LambdaFunctionException;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.platform.priming.FunctionPriming;
import dev.serverlesspatterns.reporting.ReadModelDatabase;
import dev.serverlesspatterns.reporting.ReportingApplication;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each function's SnapStart priming event walks its path to the refusal it was chosen for and writes nothing to the
 * read model; the warm-ups of what the events cannot reach write nothing either.
 */
@ExtendWith({LocalAwsExtension.class, OutputCaptureExtension.class})
class PrimingEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void migrated(LambdaHarness lambda) {
        lambda.createCustomResource("ReportingSchemaMigration");
    }

    @ParameterizedTest
    @CsvSource({
        "SalesReportFunction, sales-report, INVALID_DATE_RANGE",
        "CustomerOrderHistoryFunction, customer-order-history, INVALID_CUSTOMER_ID"
    })
    void refusesItsPrimingRequestWithAProblem(String function, String event, String code, LambdaHarness lambda) {
        // when
        String answer = lambda.invoke(function, primingEvent(event));

        // then
        var response = JSON.readTree(answer);
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(JSON.readTree(response.get("body").asString()).get("code").asString())
                .isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({
        "ReplicateOrdersFunction, replicate-orders, cannot be replicated",
        "MigrateReportingSchemaFunction, migrate-reporting-schema, snapstart-priming"
    })
    void refusesItsPrimingEventByFailingWithoutWriting(
            String function, String event, String failure, LambdaHarness lambda, ProvisionedStack stack) {
        // given
        long before = rows(stack);

        // when
        Throwable refusal = catchThrowable(() -> lambda.invoke(function, primingEvent(event)));

        // then
        assertThat(refusal).isInstanceOf(LambdaFunctionException.class).hasMessageContaining(failure);
        assertThat(rows(stack)).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({
        "ReplicateOrdersFunction, replicate-orders, replicateOrders, ReplicateOrdersWarmUp, false",
        "SalesReportFunction, sales-report, salesReport, ReportsWarmUp, true"
    })
    void warmsUpWithoutWriting(
            String function,
            String event,
            String definition,
            String warmUp,
            boolean answersItsEvent,
            LambdaHarness lambda,
            ProvisionedStack stack,
            CapturedOutput output) {
        // given: the function's environment (set by its first invoke)
        catchThrowable(() -> lambda.invoke(function, primingEvent(event)));
        long before = rows(stack);

        // when
        List<String> primed;
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ReportingApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--platform.priming.enabled=true",
                        "--platform.priming.rounds=1",
                        "--spring.cloud.function.definition=" + definition)) {
            primed = service.getBean(FunctionPriming.class).prime();
        }

        // then replicateOrders' event is refused by throwing, so prime() leaves it out and only its warm-up's log shows
        // that it ran
        if (answersItsEvent) {
            assertThat(primed).containsExactly(definition);
        } else {
            assertThat(primed).isEmpty();
        }
        assertThat(output)
                .contains("SnapStart priming ran " + warmUp + " for " + definition)
                .doesNotContain("SnapStart warm-up");
        assertThat(rows(stack)).isEqualTo(before);
    }

    private static long rows(ProvisionedStack stack) {
        return new ReadModelDatabase(stack)
                .jdbc()
                .sql("SELECT count(*) FROM reporting.orders")
                .query(Long.class)
                .single();
    }
}
