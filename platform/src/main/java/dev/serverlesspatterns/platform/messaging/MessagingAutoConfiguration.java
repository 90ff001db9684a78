package dev.serverlesspatterns.platform.messaging;

import dev.serverlesspatterns.platform.contract.ContractAutoConfiguration;
import dev.serverlesspatterns.platform.contract.EventContracts;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** The message helpers every SQS consumer of shared events uses. */
@AutoConfiguration(
        after = ContractAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventMessageReader eventMessageReader(JsonMapper json, EventContracts contracts) {
        return new EventMessageReader(json, contracts);
    }
}
