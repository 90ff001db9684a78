package dev.serverlesspatterns.platform.api;

import dev.serverlesspatterns.platform.contract.ContractAutoConfiguration;
import dev.serverlesspatterns.platform.contract.EventContracts;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** The API helpers every HTTP-facing function uses. */
@AutoConfiguration(
        after = ContractAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        // SCF takes a single around-wrapper; its observation one is created only when none exists
        beforeName = "org.springframework.cloud.function.observability.ObservationAutoConfiguration")
@EnableConfigurationProperties(ApiProperties.class)
public class ApiAutoConfiguration {

    @Bean
    ApiResponses apiResponses(JsonMapper json) {
        return new ApiResponses(json);
    }

    @Bean
    ApiHandler apiHandler(ApiResponses responses) {
        return new ApiHandler(responses);
    }

    @Bean
    WholeApiGatewayEvents wholeApiGatewayEvents() {
        return new WholeApiGatewayEvents();
    }

    @Bean
    RequestBodyReader requestBodyReader(JsonMapper json, EventContracts contracts, ApiProperties properties) {
        return new RequestBodyReader(json, contracts, properties.maxBodyBytes());
    }
}
