package dev.serverlesspatterns.billing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The billing service: issues invoices and tells whoever subscribed to the billing-notifications topic. */
@SpringBootApplication
@EnableConfigurationProperties(BillingProperties.class)
public class BillingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingApplication.class, args);
    }
}
