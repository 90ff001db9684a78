package dev.serverlesspatterns.platform.local;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;

/**
 * Serves the local Lambda endpoint whenever the service runs as a web app (its runnable jar). The Lambda artifact
 * has no servlet container, and FunctionInvoker starts no web server, so none of this exists on Lambda.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LocalLambdaProperties.class)
public class LocalLambdaAutoConfiguration {

    @Bean
    LocalLambdaController localLambdaController(FunctionCatalog catalog, JsonMapper jsonMapper) {
        return new LocalLambdaController(catalog, jsonMapper);
    }

    @Bean
    LocalRuntimeHandshake localRuntimeHandshake(LocalLambdaProperties properties, FunctionCatalog catalog) {
        return new LocalRuntimeHandshake(properties, catalog);
    }
}
