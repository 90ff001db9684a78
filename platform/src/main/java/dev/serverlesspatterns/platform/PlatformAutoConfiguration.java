package dev.serverlesspatterns.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Beans every service uses; a service (or a test) that declares its own replaces them. */
@AutoConfiguration
public class PlatformAutoConfiguration {

    /** UTC wall time; tests declare a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
