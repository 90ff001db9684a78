package dev.serverlesspatterns.paymentwebhooks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The payment-webhooks service: one Spring context per Lambda function, each building only its function's beans. */
@SpringBootApplication
@EnableConfigurationProperties(PaymentWebhooksProperties.class)
public class PaymentWebhooksApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentWebhooksApplication.class, args);
    }
}
