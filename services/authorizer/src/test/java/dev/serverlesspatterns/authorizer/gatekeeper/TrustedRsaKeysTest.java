package dev.serverlesspatterns.authorizer.gatekeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.serverlesspatterns.authorizer.AccessTokens;
import org.junit.jupiter.api.Test;

class TrustedRsaKeysTest {

    @Test
    void readsAnEmptySetAsNoExternalIssuer() {
        // when / then
        assertThat(TrustedRsaKeys.parse("{\"keys\":[]}").getKeys()).isEmpty();
        assertThat(TrustedRsaKeys.parse("").getKeys()).isEmpty();
    }

    @Test
    void readsPublicRsaKeys() {
        // given
        String jwkSet = new JWKSet(AccessTokens.externalIssuerKey().toPublicJWK()).toString();

        // when
        JWKSet keys = TrustedRsaKeys.parse(jwkSet);

        // then
        assertThat(keys.getKeyByKeyId(AccessTokens.EXTERNAL_KEY_ID)).isNotNull();
    }

    @Test
    void refusesAPrivateKey() {
        // given
        String jwkSet = new JWKSet(AccessTokens.externalIssuerKey()).toString(false);

        // when / then
        assertThatThrownBy(() -> TrustedRsaKeys.parse(jwkSet)).hasMessageContaining("public keys only");
    }

    @Test
    void refusesKeysOfAnotherType() throws Exception {
        // given
        String jwkSet = new JWKSet(
                        new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK())
                .toString();

        // when / then
        assertThatThrownBy(() -> TrustedRsaKeys.parse(jwkSet)).hasMessageContaining("RSA keys only");
    }

    @Test
    void refusesKeysWithoutKid() throws Exception {
        // given
        String jwkSet = new JWKSet(new RSAKeyGenerator(2048).generate().toPublicJWK()).toString();

        // when / then
        assertThatThrownBy(() -> TrustedRsaKeys.parse(jwkSet)).hasMessageContaining("kid");
    }

    @Test
    void refusesTextThatIsNoJwkSet() {
        // when / then
        assertThatThrownBy(() -> TrustedRsaKeys.parse("[1,2]")).isInstanceOf(IllegalStateException.class);
    }
}
