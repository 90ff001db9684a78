package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Circuit Breaker through the shop API's {@code GET /shipping-rates}: the partner is the partner sandbox the local
 * suite runs as a companion app, whose faults this test injects and whose request count proves what reached it. The
 * breaker's state lives in DynamoDB; this run opens it for {@code PartnerBreakerOpenSeconds} = 2 s (e2e/pom.xml), which
 * is how "the clock advanced" is reached: the template parameter, as a deploy would set it, and a real wait until the
 * stored open-until time has passed (no test-only way to move the clock in the table).
 */
@ExtendWith(LocalSuiteExtension.class)
class CircuitBreakerIT {

    private static final String BREAKER = "shipping-rates";
    private static final String RATES = "/shipping-rates?from=DE&to=FR&weightGrams=1200";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The partners service's default staleness bound for breaker state (partners.breaker.state-cache-ttl). */
    private static final Duration STATE_CACHE_TTL = Duration.ofSeconds(1);

    private LocalSuite suite;
    private ShopApi api;
    private Partners partners;
    private PartnerSandbox sandbox;
    private String token;

    @BeforeEach
    void closedBreakerAndHealthyPartner(LocalSuite suite) {
        this.suite = suite;
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.partners = new Partners(suite);
        this.sandbox = partners.sandbox();
        Identities identities = new Identities(api, suite);
        this.token = identities.token(identities.newUser("shipping:read"));
        partners.resetBreaker(BREAKER);
        sandbox.reset();
        // The service trusts the state it last saw for up to 1 s: wait until it lets a call through again.
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> rates().status() == 200);
        sandbox.reset();
    }

    @AfterEach
    void disconnect() {
        partners.close();
    }

    @Test
    void kFailuresOpenItThenExactlyOneProbeAfterTheOpenTimeThenAHealthyPartnerClosesIt() {
        // given a partner that answers 500
        sandbox.inject(500, 0, 0);

        // when three calls fail
        for (int i = 0; i < 3; i++) {
            ShopApi.Response failed = rates();
            assertThat(failed.status()).as(failed.body()).isEqualTo(502);
            assertThat(failed.json().get("code").asString()).isEqualTo("PARTNER_ERROR");
        }

        // then the next calls fail fast with 503 and Retry-After, and none reaches the partner while it is OPEN
        for (int i = 0; i < 3; i++) {
            ShopApi.Response refused = rates();
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().get("code").asString()).isEqualTo("PARTNER_UNAVAILABLE");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        }
        assertThat(sandbox.requests()).isEqualTo(3);
        assertThat(partners.breaker(BREAKER).get("state").s()).isEqualTo("OPEN");

        // when the open time has passed, with the partner still failing
        awaitOpenTimeOver();
        ShopApi.Response probe = rates();
        ShopApi.Response afterProbe = rates();
        ShopApi.Response afterThat = rates();

        // then exactly one call was a probe; its failure opened the breaker again (for twice as long)
        assertThat(probe.status()).isEqualTo(502);
        assertThat(afterProbe.status()).isEqualTo(503);
        assertThat(afterThat.status()).isEqualTo(503);
        assertThat(sandbox.requests()).isEqualTo(4);

        // when the partner is healthy again and the open time has passed
        sandbox.reset();
        awaitOpenTimeOver();
        ShopApi.Response healed = rates();

        // then the probe succeeds, the breaker is CLOSED and calls go through
        assertThat(healed.status()).as(healed.body()).isEqualTo(200);
        assertThat(healed.json().get("rates")).hasSize(2);
        assertThat(partners.breaker(BREAKER).get("state").s()).isEqualTo("CLOSED");
        assertThat(rates().status()).isEqualTo(200);
        assertThat(sandbox.requests()).isEqualTo(2);
    }

    @Test
    void twoServiceJvmsShareOneBreaker() throws Exception {
        // given a second JVM of the partners service beside the suite's (its log beside the suite's), a failing partner
        Path logs = Files.createDirectories(Path.of("target", "local-suite-logs"));
        try (PartnersJvm second = PartnersJvm.start(
                suite,
                List.of("QuoteShippingRatesFunction", "EstimateDeliveryFunction", "RecordPartnerFailureFunction"),
                logs)) {
            // Its first call initializes the function (seconds on a loaded machine, longer than the 2 s open time of
            // this run): made while the partner is healthy, so the call under test is a warm one.
            JsonNode warm = JSON.readTree(second.invoke("quoteShippingRates", apiEvent()));
            assertThat(warm.get("statusCode").asInt()).as(warm.toString()).isEqualTo(200);
            sandbox.reset();
            sandbox.inject(500, 0, 0);

            // when the suite's JVM sees three failures through the gateway
            for (int i = 0; i < 3; i++) {
                assertThat(rates().status()).isEqualTo(502);
            }

            // then the second JVM, which never called the partner, refuses at once once the state it read at its
            // warm call is older than the breaker's staleness bound (BREAKER_STATE_CACHE_MILLIS, 1 s by default)
            Thread.sleep(STATE_CACHE_TTL.plusMillis(100).toMillis());
            JsonNode answer = JSON.readTree(second.invoke("quoteShippingRates", apiEvent()));
            assertThat(answer.get("statusCode").asInt()).as(answer.toString()).isEqualTo(503);
            assertThat(JSON.readTree(answer.get("body").asString()).get("code").asString())
                    .isEqualTo("PARTNER_UNAVAILABLE");
            assertThat(sandbox.requests()).isEqualTo(3);

            // and when the partner is healthy and the open time over, the second JVM's probe closes it for both
            sandbox.reset();
            awaitOpenTimeOver();
            JsonNode probe = JSON.readTree(second.invoke("quoteShippingRates", apiEvent()));
            assertThat(probe.get("statusCode").asInt()).as(probe.toString()).isEqualTo(200);
            assertThat(partners.breaker(BREAKER).get("state").s()).isEqualTo("CLOSED");
            assertThat(rates().status()).isEqualTo(200);
        }
    }

    private ShopApi.Response rates() {
        return api.request("GET", RATES).bearer(token).send();
    }

    /** Waits (for real) until the open-until time stored in the table has passed. */
    private void awaitOpenTimeOver() {
        long openUntil =
                Long.parseLong(partners.breaker(BREAKER).get("openUntil").n());
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> System.currentTimeMillis() > openUntil + 50);
    }

    /** What the gateway hands the function for {@code GET /shipping-rates}, as the second JVM gets it. */
    private static String apiEvent() {
        return """
                {"resource":"/shipping-rates","path":"/shipping-rates","httpMethod":"GET",
                 "headers":{"Accept":"application/json"},"multiValueHeaders":{"Accept":["application/json"]},
                 "queryStringParameters":{"from":"DE","to":"FR","weightGrams":"1200"},
                 "multiValueQueryStringParameters":{"from":["DE"],"to":["FR"],"weightGrams":["1200"]},
                 "pathParameters":null,"stageVariables":null,
                 "requestContext":{"resourcePath":"/shipping-rates","httpMethod":"GET","stage":"v1",
                   "requestId":"second-jvm","accountId":"000000000000",
                   "authorizer":{"principalId":"second-jvm","scopes":"shipping:read"}},
                 "body":null,"isBase64Encoded":false}
                """;
    }
}
