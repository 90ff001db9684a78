package dev.serverlesspatterns.authorizer.gatekeeper;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;

/** Reads the JWK Set of external issuers' keys; anything but public RSA keys with a key id stops the function. */
final class TrustedRsaKeys {

    private TrustedRsaKeys() {}

    static JWKSet parse(String jwkSetJson) {
        if (jwkSetJson == null || jwkSetJson.isBlank()) {
            return new JWKSet();
        }
        JWKSet keys;
        try {
            keys = JWKSet.parse(jwkSetJson);
        } catch (ParseException e) {
            throw new IllegalStateException("JWT_TRUSTED_RSA_KEYS is not a JWK Set: " + e.getMessage(), e);
        }
        for (JWK key : keys.getKeys()) {
            if (!(key instanceof RSAKey)) {
                throw new IllegalStateException(
                        "JWT_TRUSTED_RSA_KEYS may hold RSA keys only, found " + key.getKeyType());
            }
            // A private key in an environment variable is a leak; refuse it instead of quietly using its public half.
            if (key.isPrivate()) {
                throw new IllegalStateException("JWT_TRUSTED_RSA_KEYS must hold public keys only");
            }
            if (key.getKeyID() == null) {
                throw new IllegalStateException("Every key in JWT_TRUSTED_RSA_KEYS needs a kid");
            }
        }
        return keys;
    }
}
