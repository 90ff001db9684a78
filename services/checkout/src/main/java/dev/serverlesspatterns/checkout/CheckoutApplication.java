package dev.serverlesspatterns.checkout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The checkout service: a Step Functions state machine reserves stock, charges the payment and confirms the order,
 * compensating in reverse order when a step fails (Saga); its task functions and the API that starts it live here.
 */
@SpringBootApplication
@EnableConfigurationProperties(CheckoutProperties.class)
public class CheckoutApplication {

    public static void main(String[] args) {
        SpringApplication.run(CheckoutApplication.class, args);
    }
}
