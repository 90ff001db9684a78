package dev.serverlesspatterns.partners.rates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.testing.ApiEvent;
import dev.serverlesspatterns.local.testing.LambdaHarness;
import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import dev.serverlesspatterns.local.testing.ProvisionedStack;
import dev.serverlesspatterns.local.testing.ProxyResponse;
import dev.serverlesspatterns.partners.PartnerSandboxExtension;
import dev.serverlesspatterns.partners.PartnerTables;
import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /shipping-rates} through SCF's FunctionInvoker, fed API Gateway's proxy event, against the sandbox. */
@ExtendWith({PartnerSandboxExtension.class, LocalAwsExtension.class})
class QuoteShippingRatesLambdaTest {

    private static final String FUNCTION = "QuoteShippingRatesFunction";

    private PartnerTables tables;

    @BeforeEach
    void closedBreaker(ProvisionedStack stack) {
        tables = new PartnerTables(stack);
        tables.resetBreaker("shipping-rates");
    }

    @AfterEach
    void disconnect() {
        tables.close();
    }

    @Test
    void answersThePartnersRates(LambdaHarness lambda, PartnerSandbox sandbox) {
        // when
        ProxyResponse response = ApiEvent.fixture("quote-shipping-rates.json").sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("from").asString()).isEqualTo("DE");
        assertThat(response.json().get("weightGrams").asInt()).isEqualTo(1200);
        assertThat(response.json().get("rates")).hasSize(2);
        assertThat(sandbox.requests()).isEqualTo(1);
    }

    @Test
    void afterThreeFailuresAnswers503WithRetryAfterWithoutCallingThePartner(
            LambdaHarness lambda, PartnerSandbox sandbox) {
        // given a partner that answers 500, and three calls that got 502
        sandbox.inject(500, 0, 0);
        for (int i = 0; i < 3; i++) {
            ProxyResponse failed = ApiEvent.fixture("quote-shipping-rates.json").sendTo(lambda, FUNCTION);
            assertThat(failed.statusCode()).isEqualTo(502);
            assertThat(failed.problemCode()).isEqualTo("PARTNER_ERROR");
        }

        // when
        ProxyResponse refused = ApiEvent.fixture("quote-shipping-rates.json").sendTo(lambda, FUNCTION);

        // then the breaker refuses at once, never with a 500, and the partner saw only the three calls
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.problemCode()).isEqualTo("PARTNER_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        assertThat(sandbox.requests()).isEqualTo(3);
        assertThat(tables.breaker("shipping-rates").get("state").s()).isEqualTo("OPEN");
    }

    @Test
    void aPartnerThatDoesNotAnswerInTimeGets504(LambdaHarness lambda, PartnerSandbox sandbox) {
        // given a partner slower than the TimeLimiter's 3 s
        sandbox.inject(0, 3600, 1);

        // when
        ProxyResponse response = ApiEvent.fixture("quote-shipping-rates.json").sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.problemCode()).isEqualTo("PARTNER_TIMEOUT");
        assertThat(tables.breaker("shipping-rates").get("failures").n()).isEqualTo("1");
    }

    @Test
    void refusesAnInvalidQueryWithoutCallingThePartner(LambdaHarness lambda, PartnerSandbox sandbox) {
        // when
        ProxyResponse response = ApiEvent.fixture("quote-shipping-rates.json")
                .query("from", "de")
                .query("weightGrams", "0")
                .sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("INVALID_QUERY");
        assertThat(response.json().get("errors")).hasSize(2);
        assertThat(sandbox.requests()).isZero();
    }

    @Test
    void refusesACallerWithoutTheShippingScope(LambdaHarness lambda, PartnerSandbox sandbox) {
        // when
        ProxyResponse response = ApiEvent.fixture("quote-shipping-rates.json")
                .scopes("orders:read")
                .sendTo(lambda, FUNCTION);

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(sandbox.requests()).isZero();
    }
}
