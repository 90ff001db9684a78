package dev.serverlesspatterns.authorizer.gatekeeper;

import dev.serverlesspatterns.authorizer.AuthorizerProperties;
import dev.serverlesspatterns.authorizer.jwt.SigningSecret;
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
                AuthorizerProperties.required(jwt.issuer(), "JWT_ISSUER"),
                AuthorizerProperties.required(jwt.audience(), "JWT_AUDIENCE"));
    }
}
