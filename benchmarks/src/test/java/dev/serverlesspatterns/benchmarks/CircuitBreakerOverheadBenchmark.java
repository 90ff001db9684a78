package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.partners.PartnersApplication;
import dev.serverlesspatterns.partners.breaker.SharedCircuitBreaker;
import dev.serverlesspatterns.partners.partner.PartnerApi;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The shared breaker's cost per call while CLOSED: the partners service's own beans (Spring context, the DynamoDB
 * client the platform builds, the breaker state table in the emulator) calling the partner sandbox, against the same
 * partner call without a breaker. Three modes, interleaved in rounds so machine noise hits them alike: no breaker; the
 * breaker reading the table on every call (state cache 0 ms); the breaker with the default 1 s state cache. Every AWS
 * request goes through one counting HTTP client, so round trips are counted, not inferred.
 *
 * <p>Not part of the build's tests (its name ends in Benchmark); run it with
 * {@code ./mvnw -B -pl benchmarks -am test -Dtest=CircuitBreakerOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * It writes {@code target/circuit-breaker-overhead.md}; the report in {@code benchmarks/reports/} quotes a run.
 */
@ExtendWith(LocalAwsExtension.class)
class CircuitBreakerOverheadBenchmark {

    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 6);
    private static final int CALLS_PER_ROUND = Integer.getInteger("benchmark.calls", 300);
    private static final int WARM_UP_CALLS = 300;

    @Test
    void measuresTheBreakersOverheadPerClosedCall(ProvisionedStack stack) throws IOException {
        try (PartnerSandbox sandbox = PartnerSandbox.start();
                Service uncached = Service.start(stack, sandbox, "0ms");
                Service cached = Service.start(stack, sandbox, "1000ms")) {
            Map<String, Mode> modes = new LinkedHashMap<>();
            modes.put("no breaker", new Mode(uncached.requests, () -> uncached.partner.rates("DE", "FR", 1200)));
            modes.put(
                    "breaker, state read every call (cache 0 ms)",
                    new Mode(
                            uncached.requests,
                            () -> uncached.breaker.call(() -> uncached.partner.rates("DE", "FR", 1200))));
            modes.put(
                    "breaker, state cached 1 s (default)",
                    new Mode(cached.requests, () -> cached.breaker.call(() -> cached.partner.rates("DE", "FR", 1200))));
            modes.values().forEach(mode -> mode.run(WARM_UP_CALLS, false));
            for (int round = 0; round < ROUNDS; round++) {
                modes.values().forEach(mode -> mode.run(CALLS_PER_ROUND, true));
            }

            String report = report(modes);
            Files.writeString(Path.of("target", "circuit-breaker-overhead.md"), report);
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, report);

            // Every call succeeded, the breaker stayed CLOSED, and the goal's round trips held.
            assertThat(uncached.breaker.state()).isEqualTo("CLOSED");
            assertThat(modes.get("no breaker").roundTripsPerCall()).isZero();
            assertThat(modes.get("breaker, state read every call (cache 0 ms)").roundTripsPerCall())
                    .isLessThanOrEqualTo(1.0);
            assertThat(modes.get("breaker, state cached 1 s (default)").roundTripsPerCall())
                    .isLessThan(0.5);
        }
    }

    private static String report(Map<String, Mode> modes) {
        StringBuilder table =
                new StringBuilder("| Mode | Calls | p50 µs | p90 µs | p99 µs | mean µs | DynamoDB requests per call |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|\n");
        modes.forEach((name, mode) -> {
            long[] sorted = mode.latencies();
            table.append("| %s | %d | %d | %d | %d | %d | %.3f |\n"
                    .formatted(
                            name,
                            sorted.length,
                            percentile(sorted, 50),
                            percentile(sorted, 90),
                            percentile(sorted, 99),
                            (long) Arrays.stream(sorted).average().orElse(0),
                            mode.roundTripsPerCall()));
        });
        return "Run " + LocalDate.now() + ", " + ROUNDS + " rounds x " + CALLS_PER_ROUND + " calls per mode\n\n"
                + table;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** One way of calling the partner; its latencies in microseconds and the AWS requests it caused. */
    private static final class Mode {
        private final AtomicLong awsRequests;
        private final Supplier<?> call;
        private final List<Long> micros = new ArrayList<>();
        private long requests;

        Mode(AtomicLong awsRequests, Supplier<?> call) {
            this.awsRequests = awsRequests;
            this.call = call;
        }

        void run(int calls, boolean measured) {
            long requestsBefore = awsRequests.get();
            for (int i = 0; i < calls; i++) {
                long started = System.nanoTime();
                call.get();
                if (measured) {
                    micros.add((System.nanoTime() - started) / 1000);
                }
            }
            if (measured) {
                requests += awsRequests.get() - requestsBefore;
            }
        }

        long[] latencies() {
            return micros.stream().mapToLong(Long::longValue).sorted().toArray();
        }

        double roundTripsPerCall() {
            return micros.isEmpty() ? 0 : (double) requests / micros.size();
        }
    }

    /** The partners service's context, its AWS requests counted; its breaker has a name of its own. */
    private record Service(
            ConfigurableApplicationContext context,
            SharedCircuitBreaker breaker,
            PartnerApi partner,
            AtomicLong requests)
            implements AutoCloseable {

        static Service start(ProvisionedStack stack, PartnerSandbox sandbox, String stateCacheTtl) {
            AtomicLong requests = new AtomicLong();
            SdkHttpClient counting =
                    new CountingHttpClient(UrlConnectionHttpClient.builder().build(), requests);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnersApplication.class)
                    .initializers(
                            initializing -> initializing.getBeanFactory().registerSingleton("sdkHttpClient", counting))
                    .run(
                            "--spring.main.web-application-type=none",
                            "--spring.cloud.function.definition=quoteShippingRates",
                            "--partners.partner.base-url=" + sandbox.baseUrl(),
                            "--partners.breaker.table-name=" + stack.physicalName("BreakerStateTable"),
                            "--partners.breaker.name=benchmark-" + UUID.randomUUID(),
                            "--partners.breaker.state-cache-ttl=" + stateCacheTtl,
                            "--logging.level.root=WARN");
            return new Service(
                    context, context.getBean(SharedCircuitBreaker.class), context.getBean(PartnerApi.class), requests);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** The platform's HTTP client for every AWS SDK client, counting the requests it sends. */
    private record CountingHttpClient(SdkHttpClient delegate, AtomicLong requests) implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            requests.incrementAndGet();
            return delegate.prepareRequest(request);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
