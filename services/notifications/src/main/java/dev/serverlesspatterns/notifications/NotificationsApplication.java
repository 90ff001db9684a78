package dev.serverlesspatterns.notifications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The notifications service: functions other services hand work to, or that consume its own queue, never called
 * through the public API.
 */
@SpringBootApplication
@EnableConfigurationProperties(NotificationsProperties.class)
public class NotificationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}
