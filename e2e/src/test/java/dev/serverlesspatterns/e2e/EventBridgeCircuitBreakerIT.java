package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.testing.LocalSuiteExtension;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EventBridge Circuit Breaker through the shop API's {@code GET /delivery-estimates}: each failed call is published
 * on the partner-events bus, the rule's function stores it with {@code expiresAt}, and the function counts unexpired
 * failures before calling. The window is {@code PartnerFailureWindowSeconds} = 8 s in this run (e2e/pom.xml: long enough for a loaded machine to deliver and store the events before they expire); the
 * emulator never deletes expired items, so "after the window" proves the {@code expiresAt > now} filter.
 */
@ExtendWith(LocalSuiteExtension.class)
class EventBridgeCircuitBreakerIT {

    private static final String TARGET = "delivery-estimates";
    private static final String ESTIMATE = "/delivery-estimates?from=DE&to=FR";

    private ShopApi api;
    private Partners partners;
    private PartnerSandbox sandbox;
    private String token;

    @BeforeEach
    void noFailuresAndAHealthyPartner(LocalSuite suite) {
        this.api = new ShopApi(suite.gatewayUrl("ShopApi"));
        this.partners = new Partners(suite);
        this.sandbox = partners.sandbox();
        Identities identities = new Identities(api, suite);
        this.token = identities.token(identities.newUser("shipping:read"));
        partners.clearFailures();
        sandbox.reset();
    }

    @AfterEach
    void disconnect() {
        partners.close();
    }

    @Test
    void kFailuresMakeTheNextCallFailFastAndAfterTheWindowCallsGoThroughAgain() {
        // given a partner that answers 500 to the next three calls
        sandbox.inject(500, 0, 3);

        // when three calls fail
        for (int i = 0; i < 3; i++) {
            ShopApi.Response failed = estimate();
            assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        }

        // then, once the rule's function has stored them, the next call fails fast without reaching the partner
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> partners.unexpiredFailures(TARGET) == 3);
        ShopApi.Response refused = estimate();
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("code").asString()).isEqualTo("PARTNER_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(sandbox.requests()).isEqualTo(3);

        // when the window has passed (the failures are still stored: nothing deletes them here)
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> partners.unexpiredFailures(TARGET) < 3);
        ShopApi.Response healed = estimate();

        // then calls go through again
        assertThat(healed.status()).as(healed.body()).isEqualTo(200);
        assertThat(healed.json().get("days").asInt()).isEqualTo(3);
        assertThat(sandbox.requests()).isEqualTo(4);
    }

    private ShopApi.Response estimate() {
        return api.request("GET", ESTIMATE).bearer(token).send();
    }
}
