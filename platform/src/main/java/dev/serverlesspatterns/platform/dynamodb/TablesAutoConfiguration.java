package dev.serverlesspatterns.platform.dynamodb;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The conditional writes of every table class, on the DynamoDB client Spring Cloud AWS builds. */
@AutoConfiguration(afterName = "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration")
public class TablesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConditionalWrites conditionalWrites(DynamoDbClient dynamo) {
        return new ConditionalWrites(dynamo);
    }
}
