package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Read-Heavy Reporting Engine: report routes behind the gateway read cache-aside through Redis. A miss costs one query
 * of the read model, a hit none (counted by pg_stat_statements); an order change evicts the report; the TTL ends it
 * ({@code template.parameter.ReportCacheTtlSeconds} is short in e2e/pom.xml); and a crowd of readers never holds more
 * database connections than the service's pool.
 */
@ExtendWith(LocalSuiteExtension.class)
class ReadHeavyReportingIT {

    private static final String ORDER =
            "{\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":2,\"unitPriceCents\":1250}],\"currency\":\"EUR\"}";
    /** e2e/pom.xml sets template.parameter.ReportCacheTtlSeconds to this. */
    private static final Duration TTL = Duration.ofSeconds(3);

    private ShopApi api;
    private URI gateway;
    private Reporting reporting;
    private String customer;
    private String customerToken;
    private String reportsToken;

    @BeforeEach
    void signIn(LocalSuite suite) {
        this.gateway = suite.gatewayUrl("ShopApi");
        this.api = new ShopApi(gateway);
        this.reporting = new Reporting(suite);
        Identities identities = new Identities(api, suite);
        Identities.Client client = identities.newUser("orders:read", "orders:write");
        this.customer = client.id();
        this.customerToken = identities.token(client);
        this.reportsToken = identities.token(identities.newUser("reports:read"));
    }

    @Test
    void aMissQueriesTheReadModelOnceAndAHitNotAtAll() {
        // given a customer with a replicated order
        String orderId = place();
        awaitReplicated(orderId);
        long before = reporting.customerHistoryQueries();

        // when the history is read: a miss
        ShopApi.Response first = history();
        long afterMiss = reporting.customerHistoryQueries();

        // and read again: a hit
        ShopApi.Response second = history();
        long afterHit = reporting.customerHistoryQueries();

        // then the miss cost one history query, the hit none, and both show the order
        assertThat(first.header("X-Cache")).isEqualTo("MISS");
        assertThat(second.header("X-Cache")).isEqualTo("HIT");
        assertThat(afterMiss - before).isEqualTo(1);
        assertThat(afterHit - afterMiss).isZero();
        assertThat(second.body()).isEqualTo(first.body()).contains(orderId);
    }

    @Test
    void aChangeEvictsTheReportAndTheTtlEndsIt() throws Exception {
        // given a cached history
        String orderId = place();
        awaitReplicated(orderId);
        history();
        assertThat(history().header("X-Cache")).isEqualTo("HIT");

        // when the order is cancelled
        assertThat(api.request("DELETE", "/orders/" + orderId)
                        .bearer(customerToken)
                        .send()
                        .status())
                .isEqualTo(200);

        // then the next read misses and shows the cancellation
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> reporting.row(orderId).get(2).equals("CANCELLED"));
        ShopApi.Response afterChange = history();
        assertThat(afterChange.header("X-Cache")).isEqualTo("MISS");
        assertThat(afterChange.body()).contains("CANCELLED");

        // and a report nobody changes is a hit until its TTL ends, then a miss
        assertThat(history().header("X-Cache")).isEqualTo("HIT");
        Thread.sleep(TTL.plusMillis(500).toMillis());
        assertThat(history().header("X-Cache")).isEqualTo("MISS");
    }

    @Test
    void twoHundredConcurrentReadersNeverExceedTheConnectionBound() throws Exception {
        // given a replicated order
        awaitReplicated(place());

        // when 200 readers ask at once for 200 uncached sales reports (ranges that end on different days)
        List<ShopApi.Response> responses = new ArrayList<>();
        try (SuiteDatabase.ConnectionSampler connections =
                reporting.database().sampleConnections(Reporting.APPLICATION_NAME)) {
            // (a client of their own, closed after: 200 idle keep-alive connections left in the JDK server behind the
            // local gateway made the next test classes' first requests fail with no answer)
            try (ShopApi readersApi = new ShopApi(gateway);
                    ExecutorService readers = Executors.newFixedThreadPool(200)) {
                List<Future<ShopApi.Response>> read = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String path = "/reports/sales?from=2025-01-01&to=2025-01-" + String.format("%02d", 1 + i % 31);
                    read.add(readers.submit(() ->
                            readersApi.request("GET", path).bearer(reportsToken).send()));
                }
                for (Future<ShopApi.Response> response : read) {
                    responses.add(response.get());
                }
            }

            // then every reader got its report, and the service never held more connections than its pool
            assertThat(responses)
                    .allSatisfy(response ->
                            assertThat(response.status()).as(response.body()).isEqualTo(200));
            assertThat(connections.peak())
                    .as("peak connections of application reporting")
                    .isBetween(1, Reporting.POOL_BOUND);
        }
    }

    private ShopApi.Response history() {
        ShopApi.Response response = api.request("GET", "/reports/customers/" + customer + "/orders")
                .bearer(reportsToken)
                .send();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private String place() {
        ShopApi.Response placed =
                api.request("POST", "/orders").bearer(customerToken).json(ORDER).send();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().get("orderId").asString();
    }

    private void awaitReplicated(String orderId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !reporting.row(orderId).isEmpty());
    }
}
