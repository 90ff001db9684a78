package dev.serverlesspatterns.partners;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The partners service: calls to a shipping partner's HTTP API behind two circuit breakers, one whose state all
 * instances share in DynamoDB (Resilience4j), and one that counts the partner's failures EventBridge delivered.
 */
@SpringBootApplication
@EnableConfigurationProperties(PartnersProperties.class)
public class PartnersApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnersApplication.class, args);
    }
}
