package dev.serverlesspatterns.platform.local;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.FunctionProperties;
import org.springframework.cloud.function.context.MessageRoutingCallback;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Serves the local Lambda endpoint whenever the service runs as a web app (its runnable jar). The Lambda artifact
 * has no servlet container, and FunctionInvoker starts no web server, so none of this exists on Lambda.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LocalLambdaProperties.class)
public class LocalLambdaAutoConfiguration {

    @Bean
    LocalLambdaController localLambdaController(
            FunctionCatalog catalog, JsonMapper jsonMapper, ListableBeanFactory beans, Environment environment) {
        boolean routes = beans.getBeanNamesForType(MessageRoutingCallback.class).length > 0
                || environment.containsProperty(FunctionProperties.ROUTING_EXPRESSION);
        return new LocalLambdaController(catalog, jsonMapper, routes);
    }

    @Bean
    LocalRuntimeHandshake localRuntimeHandshake(LocalLambdaProperties properties, FunctionCatalog catalog) {
        return new LocalRuntimeHandshake(properties, catalog);
    }
}
