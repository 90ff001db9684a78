package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.lambda.FunctionFaults;
import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Aggregator's latency against its slowest callee, in the same run: the whole local suite (every service in its
 * own JVM, the local Lambda Invoke API), each round invoking the three callees one after the other, then the
 * aggregator, which calls the same three in parallel. Everything goes through the real {@code LambdaClient} and the
 * Invoke API, so the callees and the aggregator pay the same hop; the aggregator pays one more (its own invoke). Two
 * modes: the callees as they are locally (a read of a few milliseconds), and the callees slowed by the local runtime's
 * {@link FunctionFaults} to 40, 80 and 120 ms, the order of a real service's latency, where the goal
 * (aggregator ≤ slowest callee + 10%) says something about the pattern rather than about the hop.
 *
 * <p>Not part of the build's tests: surefire runs {@code *Test} classes, and a measurement is no test (it asserts only
 * that every answer was complete, and would only slow CI). It starts the whole suite, so every service's jar must be
 * built ({@code ./mvnw -B -DskipTests package}); run it with {@code ./mvnw -B -pl benchmarks -am test
 * -Dtest=AggregatorLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It writes
 * {@code target/aggregator-latency.md}; the report in {@code benchmarks/reports/} quotes a run.
 */
@ExtendWith(LocalSuiteExtension.class)
class AggregatorLatencyBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 200);
    private static final int WARM_UP_ROUNDS = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String AGGREGATOR = "GetOrderDetailsFunction";
    private static final String ORDERS = "SummarizeOrderFunction";
    private static final String CUSTOMERS = "GetCustomerProfileFunction";
    private static final String SHIPPING = "GetShipmentForOrderFunction";

    @Test
    void measuresTheAggregatorAgainstItsSlowestCallee(LocalSuite suite) throws IOException {
        String customer = "benchmark-" + UUID.randomUUID();
        try (LambdaClient lambda = client(suite)) {
            String orderId = placeOrder(suite, lambda, customer);
            Map<String, String> callees = new LinkedHashMap<>();
            callees.put(ORDERS, "{\"orderId\":\"" + orderId + "\"}");
            callees.put(CUSTOMERS, "{\"customerId\":\"" + customer + "\"}");
            callees.put(SHIPPING, "{\"orderId\":\"" + orderId + "\"}");
            String details = detailsEvent(suite, customer, orderId);

            Map<String, Mode> modes = new LinkedHashMap<>();
            modes.put("callees as they are", measure(lambda, callees, details));
            try (var orders = suite.faults().delay(ORDERS, Duration.ofMillis(40));
                    var customers = suite.faults().delay(CUSTOMERS, Duration.ofMillis(80));
                    var shipping = suite.faults().delay(SHIPPING, Duration.ofMillis(120))) {
                modes.put("callees slowed to 40 / 80 / 120 ms", measure(lambda, callees, details));
            }

            String report = report(modes);
            Files.writeString(Path.of("target", "aggregator-latency.md"), report);
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, report);
        }
    }

    /** Rounds of: each callee alone, one after the other, then the aggregator; every answer checked. */
    private static Mode measure(LambdaClient lambda, Map<String, String> callees, String details) {
        Mode mode = new Mode();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            double slowest = 0;
            double sum = 0;
            for (Map.Entry<String, String> callee : callees.entrySet()) {
                long started = System.nanoTime();
                InvokeResponse answer = invoke(lambda, callee.getKey(), callee.getValue());
                double millis = (System.nanoTime() - started) / 1e6;
                assertThat(answer.functionError()).as(callee.getKey()).isNull();
                slowest = Math.max(slowest, millis);
                sum += millis;
            }
            long started = System.nanoTime();
            InvokeResponse answer = invoke(lambda, AGGREGATOR, details);
            double aggregator = (System.nanoTime() - started) / 1e6;
            JsonNode response = JSON.readTree(answer.payload().asUtf8String());
            assertThat(response.get("statusCode").asInt())
                    .as(response.toString())
                    .isEqualTo(200);
            assertThat(JSON.readTree(response.get("body").asString())
                            .get("complete")
                            .asBoolean())
                    .as(response.toString())
                    .isTrue();
            if (round >= WARM_UP_ROUNDS) {
                mode.slowestCallee.add(slowest);
                mode.sumOfCallees.add(sum);
                mode.aggregator.add(aggregator);
            }
        }
        return mode;
    }

    private static String report(Map<String, Mode> modes) {
        StringBuilder table = new StringBuilder("| Mode | Rounds | Aggregator p50 ms | Aggregator p99 ms "
                + "| Slowest callee p50 ms | Slowest callee p99 ms | Goal p50 (+10%) | Goal p99 (+10%) "
                + "| Callees in a row p50 ms |\n"
                + "|---|---:|---:|---:|---:|---:|---|---|---:|\n");
        modes.forEach((name, mode) -> {
            double aggregatorP50 = percentile(mode.aggregator, 50);
            double aggregatorP99 = percentile(mode.aggregator, 99);
            double slowestP50 = percentile(mode.slowestCallee, 50);
            double slowestP99 = percentile(mode.slowestCallee, 99);
            table.append("| %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s | %.1f |\n"
                    .formatted(
                            name,
                            mode.aggregator.size(),
                            aggregatorP50,
                            aggregatorP99,
                            slowestP50,
                            slowestP99,
                            verdict(aggregatorP50, slowestP50),
                            verdict(aggregatorP99, slowestP99),
                            percentile(mode.sumOfCallees, 50)));
        });
        return "Run " + LocalDate.now() + ", " + ROUNDS + " measured rounds per mode after " + WARM_UP_ROUNDS
                + " warm-up rounds\n\n" + table;
    }

    private static String verdict(double aggregator, double slowest) {
        double limit = slowest * 1.1;
        return "%s (%.1f ≤ %.1f: %+.0f%%)"
                .formatted(aggregator <= limit ? "met" : "missed", aggregator, limit, (aggregator / slowest - 1) * 100);
    }

    private static double percentile(List<Double> values, int percent) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static InvokeResponse invoke(LambdaClient lambda, String function, String event) {
        return lambda.invoke(
                invoke -> invoke.functionName(function).qualifier("live").payload(SdkBytes.fromUtf8String(event)));
    }

    /** Places an order for the customer through PlaceOrderFunction, with its own API event fixture. */
    private static String placeOrder(LocalSuite suite, LambdaClient lambda, String customer) throws IOException {
        ObjectNode event = fixture(suite, "PlaceOrderFunction", "placeOrder");
        principal(event, customer);
        JsonNode response = JSON.readTree(
                invoke(lambda, "PlaceOrderFunction", event.toString()).payload().asUtf8String());
        assertThat(response.get("statusCode").asInt()).as(response.toString()).isEqualTo(201);
        return JSON.readTree(response.get("body").asString()).get("orderId").asString();
    }

    /** The aggregator's API event fixture, for the customer's order. */
    private static String detailsEvent(LocalSuite suite, String customer, String orderId) throws IOException {
        ObjectNode event = fixture(suite, AGGREGATOR, "getOrderDetails");
        principal(event, customer);
        event.put("path", "/orders/" + orderId + "/details");
        ((ObjectNode) event.get("pathParameters")).put("orderId", orderId);
        return event.toString();
    }

    private static ObjectNode fixture(LocalSuite suite, String logicalId, String definition) throws IOException {
        FunctionDefinition function = suite.stack().template().function(logicalId);
        Path file = EventFixtures.locate(EventFixtures.eventsDirectoryOf(function.codeUri()), definition)
                .orElseThrow(() -> new IllegalStateException("No fixture for " + definition));
        return (ObjectNode) JSON.readTree(Files.readString(file));
    }

    private static void principal(ObjectNode event, String customer) {
        ((ObjectNode) event.get("requestContext").get("authorizer")).put("principalId", customer);
    }

    private static LambdaClient client(LocalSuite suite) {
        AwsEndpoint aws = suite.stack().endpoint();
        return new AwsEndpoint(
                        suite.lambdaEndpoint(),
                        aws.region(),
                        aws.accessKeyId(),
                        aws.secretAccessKey(),
                        "the suite's Lambda Invoke API")
                .configure(LambdaClient.builder());
    }

    /** One mode's latencies in milliseconds, per measured round. */
    private static final class Mode {
        private final List<Double> aggregator = new ArrayList<>();
        private final List<Double> slowestCallee = new ArrayList<>();
        private final List<Double> sumOfCallees = new ArrayList<>();
    }
}
