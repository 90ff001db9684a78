package dev.serverlesspatterns.authorizer.gatekeeper;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import dev.serverlesspatterns.authorizer.jwt.SigningSecret;
import dev.serverlesspatterns.platform.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GatekeeperConfiguration {

    @Bean
    TokenVerifier tokenVerifier(SigningSecret signingSecret, AuthorizerProperties properties) {
        AuthorizerProperties.Jwt jwt = properties.jwt();
        return new TokenVerifier(
                signingSecret::bytes,
                TrustedRsaKeys.parse(jwt.trustedRsaKeys()),
                Settings.required(jwt.issuer(), "authorizer.jwt.issuer", "JWT_ISSUER"),
                Settings.required(jwt.audience(), "authorizer.jwt.audience", "JWT_AUDIENCE"));
    }
}
