package dev.serverlesspatterns.orderdetails;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The order-details service (Aggregator): one public route that asks the orders, customers and shipping services for
 * their part of an order's details, in parallel, and answers with what arrived and what is missing.
 */
@SpringBootApplication
@EnableConfigurationProperties(OrderDetailsProperties.class)
public class OrderDetailsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderDetailsApplication.class, args);
    }
}
