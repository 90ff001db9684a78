package dev.serverlesspatterns.partners.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.partners.MovableClock;
import dev.serverlesspatterns.partners.PartnerSandboxExtension;
import dev.serverlesspatterns.partners.PartnersProperties;
import dev.serverlesspatterns.partners.partner.PartnerApi;
import dev.serverlesspatterns.partners.partner.PartnerCallFailed;
import dev.serverlesspatterns.platform.dynamodb.ConditionalWrites;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared breaker against the breaker state table in the emulator and the partner sandbox (a real HTTP server that
 * counts every request that reaches it). Each test has a breaker of its own name; two {@link SharedCircuitBreaker}s
 * over one table are two instances (two Lambda environments) that share nothing but the table. The clock is moved,
 * never waited for.
 */
@ExtendWith({PartnerSandboxExtension.class, LocalAwsExtension.class})
class SharedCircuitBreakerTest {

    private static final int THRESHOLD = 3;
    private static final Duration OPEN = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofMillis(2500);
    private static final Duration SLOW = Duration.ofMillis(1500);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final String name = "test-" + UUID.randomUUID();
    private PartnerSandbox sandbox;
    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void connect(PartnerSandbox sandbox, ProvisionedStack stack) {
        this.sandbox = sandbox;
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("BreakerStateTable");
    }

    @AfterEach
    void disconnect() {
        dynamo.close();
    }

    @Test
    void kFailuresOpenTheBreakerAndTheNextCallFailsFastWithoutReachingThePartner() {
        // given a partner that answers 500
        SharedCircuitBreaker breaker = instance(table);
        sandbox.inject(500, 0, 0);

        // when k calls fail
        for (int i = 0; i < THRESHOLD; i++) {
            assertThatThrownBy(() -> rates(breaker)).isInstanceOf(PartnerCallFailed.class);
        }

        // then the breaker is OPEN and the next call fails fast, without reaching the partner
        assertThat(breaker.state()).isEqualTo("OPEN");
        assertThatThrownBy(() -> rates(breaker))
                .isInstanceOfSatisfying(
                        BreakerOpen.class, open -> assertThat(open.retryAfter()).isEqualTo(OPEN));
        assertThat(sandbox.requests()).isEqualTo(THRESHOLD);
    }

    @Test
    void afterTheOpenTimeExactlyOneProbeOfManyConcurrentCallsReachesThePartnerAndItsSuccessClosesTheBreaker()
            throws Exception {
        // given an OPEN breaker, two instances, and a partner healthy again but slow: the probe stays in flight long
        // after every call has started, even on a loaded machine, so a later call cannot find the breaker closed again
        SharedCircuitBreaker first = instance(table);
        SharedCircuitBreaker second = instance(table);
        open(first);
        sandbox.reset();
        sandbox.inject(0, 1000, 0);

        // when the clock passes the open time and both instances get eight calls at once
        clock.advance(OPEN);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SharedCircuitBreaker instance = i % 2 == 0 ? first : second;
            calls.add(() -> {
                start.await();
                try {
                    rates(instance);
                    return true;
                } catch (BreakerOpen refused) {
                    return false;
                }
            });
        }
        List<Boolean> wentThrough = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> futures = calls.stream().map(callers::submit).toList();
            start.countDown();
            for (Future<Boolean> call : futures) {
                wentThrough.add(call.get());
            }
        }

        // then exactly one call was a probe and reached the partner; its success closed the breaker for everyone
        assertThat(wentThrough).containsOnlyOnce(true);
        assertThat(sandbox.requests()).isEqualTo(1);
        first.forgetCachedState();
        second.forgetCachedState();
        assertThat(first.state()).isEqualTo("CLOSED");
        assertThat(rates(second).get("rates")).hasSize(2);
        assertThat(sandbox.requests()).isEqualTo(2);
    }

    @Test
    void aFailedProbeOpensTheBreakerAgainForTwiceAsLong() {
        // given an OPEN breaker and a partner still failing
        SharedCircuitBreaker breaker = instance(table);
        open(breaker);
        long before = sandbox.requests();

        // when the clock passes the open time and the probe fails
        clock.advance(OPEN);
        assertThatThrownBy(() -> rates(breaker)).isInstanceOf(PartnerCallFailed.class);

        // then it is OPEN again, for twice the time: still refused after the first open time, probed after the second
        assertThat(sandbox.requests()).isEqualTo(before + 1);
        clock.advance(OPEN);
        assertThatThrownBy(() -> rates(breaker))
                .isInstanceOfSatisfying(
                        BreakerOpen.class, open -> assertThat(open.retryAfter()).isEqualTo(OPEN));
        assertThat(sandbox.requests()).isEqualTo(before + 1);
        sandbox.reset();
        clock.advance(OPEN);
        assertThat(rates(breaker).get("rates")).hasSize(2);
        assertThat(breaker.state()).isEqualTo("CLOSED");
    }

    @Test
    void twoInstancesShareOneBreaker() {
        // given two instances, and failures seen by the first only
        SharedCircuitBreaker first = instance(table);
        SharedCircuitBreaker second = instance(table);
        sandbox.inject(500, 0, 0);
        for (int i = 0; i < THRESHOLD - 1; i++) {
            assertThatThrownBy(() -> rates(first)).isInstanceOf(PartnerCallFailed.class);
        }

        // when the second instance sees the k-th failure
        assertThatThrownBy(() -> rates(second)).isInstanceOf(PartnerCallFailed.class);

        // then both refuse the next call without reaching the partner
        assertThatThrownBy(() -> rates(first)).isInstanceOf(BreakerOpen.class);
        assertThatThrownBy(() -> rates(second)).isInstanceOf(BreakerOpen.class);
        assertThat(sandbox.requests()).isEqualTo(THRESHOLD);
    }

    @Test
    void timeoutsCountAsFailures() {
        // given a partner that answers after the timeout
        SharedCircuitBreaker breaker = instance(table);
        sandbox.inject(0, TIMEOUT.toMillis() + 400, 0);

        // when k calls time out
        for (int i = 0; i < THRESHOLD; i++) {
            assertThatThrownBy(() -> rates(breaker))
                    .isInstanceOfSatisfying(
                            PartnerCallFailed.class,
                            failed -> assertThat(failed.timedOut()).isTrue());
        }

        // then the breaker is OPEN
        assertThatThrownBy(() -> rates(breaker)).isInstanceOf(BreakerOpen.class);
        assertThat(sandbox.requests()).isEqualTo(THRESHOLD);
    }

    @Test
    void slowAnswersAreReturnedButCountAsFailures() {
        // given a partner that answers within the timeout, but slower than the slow-call threshold
        SharedCircuitBreaker breaker = instance(table);
        sandbox.inject(0, SLOW.toMillis() + 100, 0);

        // when k calls get slow answers
        for (int i = 0; i < THRESHOLD; i++) {
            assertThat(rates(breaker).get("rates")).hasSize(2);
        }

        // then the breaker is OPEN
        assertThatThrownBy(() -> rates(breaker)).isInstanceOf(BreakerOpen.class);
        assertThat(sandbox.requests()).isEqualTo(THRESHOLD);
    }

    @Test
    void whenTheStateTableCannotBeReachedCallsGoThroughAndAreCounted() {
        // given a breaker whose state table does not exist, and a failing partner
        SharedCircuitBreaker breaker = instance("no-such-breaker-table");
        sandbox.inject(500, 0, 0);

        // when more than k calls fail
        for (int i = 0; i < THRESHOLD + 2; i++) {
            assertThatThrownBy(() -> rates(breaker)).isInstanceOf(PartnerCallFailed.class);
        }

        // then every call reached the partner (fail open), and each was counted
        assertThat(sandbox.requests()).isEqualTo(THRESHOLD + 2);
        assertThat(breaker.storeUnavailable()).isGreaterThanOrEqualTo(THRESHOLD + 2);
    }

    private JsonNode rates(SharedCircuitBreaker breaker) {
        PartnerApi partner = partner();
        return breaker.call(() -> partner.rates("DE", "FR", 1200));
    }

    private void open(SharedCircuitBreaker breaker) {
        sandbox.inject(500, 0, 0);
        for (int i = 0; i < THRESHOLD; i++) {
            assertThatThrownBy(() -> rates(breaker)).isInstanceOf(PartnerCallFailed.class);
        }
        assertThat(breaker.state()).isEqualTo("OPEN");
    }

    private PartnersProperties properties(String tableName) {
        return new PartnersProperties(
                new PartnersProperties.Partner(sandbox.baseUrl(), Duration.ofSeconds(1)),
                new PartnersProperties.Breaker(tableName, name, THRESHOLD, Duration.ofSeconds(30), Duration.ZERO),
                new PartnersProperties.Failures(
                        null, "byTarget", null, "delivery-estimates", 3, Duration.ofSeconds(60)));
    }

    private PartnerApi partner() {
        return new PartnerApi(
                properties(table),
                TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                        .timeoutDuration(TIMEOUT)
                        .cancelRunningFuture(true)
                        .build()),
                JsonMapper.builder().build());
    }

    /** One instance of the service: its own Resilience4j breaker and cache, the shared table. */
    private SharedCircuitBreaker instance(String tableName) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(OPEN, 2))
                .permittedNumberOfCallsInHalfOpenState(1)
                .slowCallDurationThreshold(SLOW)
                .build();
        return new SharedCircuitBreaker(
                new BreakerStateStore(
                        DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                        new ConditionalWrites(dynamo),
                        properties(tableName)),
                CircuitBreakerRegistry.of(config),
                partner(),
                properties(tableName),
                clock);
    }
}
