package dev.serverlesspatterns.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class NextTokenCodecTest {

    private static final String CUSTOMER = "customer-0001";
    private static final PageKey KEY =
            new PageKey("0b6f3c1e-7d2a-4e59-9c8b-2f1a6d3e5b47", CUSTOMER, "2026-11-03T10:15:30.412000Z");

    private final NextTokenCodec codec = new NextTokenCodec(JsonMapper.builder().build());

    @Test
    void decodesWhatItEncoded() {
        // given
        String token = codec.encode(KEY);

        // when
        PageKey decoded = codec.decode(token, CUSTOMER);

        // then
        assertThat(decoded).isEqualTo(KEY);
    }

    @Test
    void encodesUrlSafelyWithoutPadding() {
        // given
        PageKey key = KEY;

        // when
        String token = codec.encode(key);

        // then
        assertThat(token).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesATokenOfAnotherCustomer() {
        // given
        String token = codec.encode(KEY);

        // when / then
        assertInvalid(() -> codec.decode(token, "customer-0002"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "not base64!",
                "bm90IGpzb24",
                "eyJvcmRlcklkIjoxfQ",
                "W10",
                "bnVsbA",
            })
    void refusesATokenThatIsNotAnEncodedPageKey(String token) {
        // when / then
        assertInvalid(() -> codec.decode(token, CUSTOMER));
    }

    @Test
    void refusesAKeyWhoseAttributesCouldNotComeFromTheTable() {
        // given
        String badOrderId = encodeJson(
                "{\"orderId\":\"x\",\"customerId\":\"customer-0001\",\"createdAt\":\"2026-11-03T10:15:30.412000Z\"}");
        String badCreatedAt = encodeJson("{\"orderId\":\"0b6f3c1e-7d2a-4e59-9c8b-2f1a6d3e5b47\","
                + "\"customerId\":\"customer-0001\",\"createdAt\":\"yesterday\"}");
        String missingCreatedAt =
                encodeJson("{\"orderId\":\"0b6f3c1e-7d2a-4e59-9c8b-2f1a6d3e5b47\",\"customerId\":\"customer-0001\"}");

        // when / then
        assertInvalid(() -> codec.decode(badOrderId, CUSTOMER));
        assertInvalid(() -> codec.decode(badCreatedAt, CUSTOMER));
        assertInvalid(() -> codec.decode(missingCreatedAt, CUSTOMER));
    }

    @Test
    void refusesAnOverlongToken() {
        // given
        String overlong = "A".repeat(4096);

        // when / then
        assertInvalid(() -> codec.decode(overlong, CUSTOMER));
    }

    private static String encodeJson(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(ThrowingCallable decode) {
        assertThatExceptionOfType(ApiProblemException.class).isThrownBy(decode).satisfies(rejected -> {
            assertThat(rejected.problem().status()).isEqualTo(400);
            assertThat(rejected.problem().code()).isEqualTo("INVALID_NEXT_TOKEN");
        });
    }
}
