package dev.serverlesspatterns.invoicing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The invoicing service: consumes billing's notifications from its own queue. */
@SpringBootApplication
@EnableConfigurationProperties(InvoicingProperties.class)
public class InvoicingApplication {

    public static void main(String[] args) {
        SpringApplication.run(InvoicingApplication.class, args);
    }
}
