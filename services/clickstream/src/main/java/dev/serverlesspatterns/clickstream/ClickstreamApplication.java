package dev.serverlesspatterns.clickstream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The clickstream service: one function counting the click stream's clicks per product. */
@SpringBootApplication
@EnableConfigurationProperties(ClickstreamProperties.class)
public class ClickstreamApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClickstreamApplication.class, args);
    }
}
