package dev.serverlesspatterns.orders;

import dev.serverlesspatterns.orders.outbox.OrderEventsProperties;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The orders service: one function per route of the orders API, over one DynamoDB table, and the table's stream
 * announcing placed and cancelled orders on the orders event bus.
 */
@SpringBootApplication
@EnableConfigurationProperties({OrdersProperties.class, OrderEventsProperties.class})
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
