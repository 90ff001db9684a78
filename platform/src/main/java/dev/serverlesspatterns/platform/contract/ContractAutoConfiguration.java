package dev.serverlesspatterns.platform.contract;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** One {@link EventContracts} per service, so each schema is loaded once whoever checks against it. */
@AutoConfiguration
public class ContractAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventContracts eventContracts() {
        return new EventContracts();
    }
}
