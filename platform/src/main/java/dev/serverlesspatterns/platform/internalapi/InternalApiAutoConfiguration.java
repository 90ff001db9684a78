package dev.serverlesspatterns.platform.internalapi;

import dev.serverlesspatterns.platform.aws.AwsClientsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

/** The internal API client, for services that bring the Lambda SDK (the platform declares it optional). */
@AutoConfiguration(
        after = AwsClientsAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(LambdaClient.class)
@EnableConfigurationProperties(InternalApiProperties.class)
public class InternalApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InternalApi internalApi(LambdaClient lambda, JsonMapper json, InternalApiProperties properties) {
        return new InternalApi(lambda, json, properties);
    }
}
