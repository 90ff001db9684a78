package dev.serverlesspatterns.authorizer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Gatekeeper: one Spring context per Lambda function, each building only the beans of its one function. */
@SpringBootApplication
@EnableConfigurationProperties(AuthorizerProperties.class)
public class AuthorizerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthorizerApplication.class, args);
    }
}
