package dev.serverlesspatterns.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The audit service: takes audit events over the API and fans them out through its SNS topic (The Big Fan), and
 * distributes the orders bus's events through its order-activity topic (Distributed Trigger).
 */
@SpringBootApplication
@EnableConfigurationProperties(AuditProperties.class)
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
