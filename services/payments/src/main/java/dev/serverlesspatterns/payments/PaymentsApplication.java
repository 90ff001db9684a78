package dev.serverlesspatterns.payments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The payments service: consumes billing's notifications and the order activity from its own queues. */
@SpringBootApplication
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentsApplication.class, args);
    }
}
