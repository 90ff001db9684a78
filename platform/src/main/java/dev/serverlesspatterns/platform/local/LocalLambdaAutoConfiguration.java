package dev.serverlesspatterns.platform.local;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Starts the local Lambda endpoint only when the local runtime launched this service. */
@AutoConfiguration
@ConditionalOnProperty("platform.local.lambda-port")
@EnableConfigurationProperties(LocalLambdaProperties.class)
public class LocalLambdaAutoConfiguration {

    @Bean
    LocalLambdaEndpoint localLambdaEndpoint(
            FunctionCatalog catalog,
            JsonMapper jsonMapper,
            LocalLambdaProperties properties,
            ConfigurableApplicationContext context) {
        return new LocalLambdaEndpoint(
                catalog, jsonMapper, properties, () -> System.exit(SpringApplication.exit(context)));
    }
}
