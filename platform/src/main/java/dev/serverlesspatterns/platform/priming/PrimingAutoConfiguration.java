package dev.serverlesspatterns.platform.priming;

import java.time.Duration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Primes the functions of a context that runs under SCF's {@code FunctionInvoker}: {@code PlatformDefaults} turns
 * {@code platform.priming.enabled} on there, and only there, because a Boot app started from its runnable jar is
 * never snapshotted.
 */
@AutoConfiguration
@ConditionalOnClass(org.crac.Resource.class)
@ConditionalOnBooleanProperty("platform.priming.enabled")
@EnableConfigurationProperties(PrimingProperties.class)
public class PrimingAutoConfiguration {

    /** Eager although the services initialize lazily: nothing else would ever ask for it. */
    @Bean
    @Lazy(false)
    FunctionPriming functionPriming(
            PrimingProperties properties,
            FunctionCatalog catalog,
            JsonMapper jsonMapper,
            Environment environment,
            ResourceLoader resources,
            ListableBeanFactory beans) {
        return new FunctionPriming(
                new PrimingEvents(resources),
                new CatalogInvocation(catalog, jsonMapper, Duration.ofSeconds(30)),
                new PrimingWarmUps(beans),
                environment.getProperty("spring.cloud.function.definition", ""),
                properties.rounds(),
                new RestoredCopies(beans));
    }
}
