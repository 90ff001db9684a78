package dev.serverlesspatterns.customers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The customers service: delivery addresses that API Gateway writes straight into DynamoDB (no function), verified
 * from the table's stream; and a customer's profile (those addresses) for other services, through an internal API.
 */
@SpringBootApplication
@EnableConfigurationProperties(CustomersProperties.class)
public class CustomersApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomersApplication.class, args);
    }
}
