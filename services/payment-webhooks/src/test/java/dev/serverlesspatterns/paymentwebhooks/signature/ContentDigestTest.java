package dev.serverlesspatterns.paymentwebhooks.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentDigestTest {

    /** RFC 9530, section 2, the example body and its sha-256 Content-Digest. */
    private static final String RFC_BODY = "{\"hello\": \"world\"}";

    private static final String RFC_DIGEST = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";

    @Test
    void writesTheHeaderOfRfc9530sExample() {
        assertThat(ContentDigest.of(RFC_BODY)).isEqualTo(RFC_DIGEST);
    }

    @Test
    void aBodyMatchesItsOwnDigestAndNoOther() {
        assertThat(ContentDigest.matches(RFC_BODY, RFC_DIGEST)).isTrue();
        assertThat(ContentDigest.matches("{\"hello\": \"world!\"}", RFC_DIGEST)).isFalse();
        assertThat(ContentDigest.matches(RFC_BODY + "\n", RFC_DIGEST)).isFalse();
    }

    @Test
    void findsSha256AmongOtherAlgorithmsOfTheDictionary() {
        // given a header that lists sha-512 first, as RFC 9530 allows
        String header = "sha-512=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":,  " + RFC_DIGEST;

        // then
        assertThat(ContentDigest.sha256Of(header))
                .hasValueSatisfying(digest -> assertThat(digest)
                        .isEqualTo(Base64.getDecoder().decode("X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=")));
        assertThat(ContentDigest.matches(RFC_BODY, header)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                "sha-256=:not base64!:",
                "sha-256=:AAAA:",
                "sha-512=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:",
                "SHA-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:"
            })
    void aHeaderWithoutAWellFormedSha256AnnouncesNothingAndMatchesNoBody(String header) {
        assertThat(ContentDigest.sha256Of(header)).isEmpty();
        assertThat(ContentDigest.matches(RFC_BODY, header)).isFalse();
    }
}
