package dev.serverlesspatterns.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The reporting service: one Spring context per Lambda function, each building only its function's beans. */
@SpringBootApplication
@EnableConfigurationProperties(ReportingProperties.class)
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
