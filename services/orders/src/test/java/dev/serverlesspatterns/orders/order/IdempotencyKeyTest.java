package dev.serverlesspatterns.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void readsTheHeaderWhateverItsCase() {
        // given
        APIGatewayProxyRequestEvent request =
                new APIGatewayProxyRequestEvent().withHeaders(Map.of("idempotency-key", "order-42_retry"));

        // when
        var key = IdempotencyKey.of(request);

        // then
        assertThat(key).contains(new IdempotencyKey("order-42_retry"));
    }

    @Test
    void isAbsentWithoutTheHeader() {
        // given
        APIGatewayProxyRequestEvent request =
                new APIGatewayProxyRequestEvent().withHeaders(Map.of("Content-Type", "application/json"));

        // when
        var key = IdempotencyKey.of(request);

        // then
        assertThat(key).isEmpty();
    }

    @Test
    void acceptsSixtyFourCharacters() {
        // given
        String longest = "k".repeat(64);

        // when
        IdempotencyKey key = new IdempotencyKey(longest);

        // then
        assertThat(key.value()).hasSize(64);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "has space",
                "colon:inside",
                "ümlaut",
                "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk"
            })
    void refusesAKeyOutsideItsAlphabetOrLength(String value) {
        // given
        APIGatewayProxyRequestEvent request =
                new APIGatewayProxyRequestEvent().withHeaders(Map.of("Idempotency-Key", value));

        // when / then
        assertThatExceptionOfType(ApiProblemException.class)
                .isThrownBy(() -> IdempotencyKey.of(request))
                .satisfies(rejected -> {
                    assertThat(rejected.problem().status()).isEqualTo(400);
                    assertThat(rejected.problem().code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
                });
    }
}
