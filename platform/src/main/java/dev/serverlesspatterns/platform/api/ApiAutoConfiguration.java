package dev.serverlesspatterns.platform.api;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** The API helpers every HTTP-facing function uses. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
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
    RequestBodyReader requestBodyReader(JsonMapper json, ApiProperties properties) {
        return new RequestBodyReader(json, properties.maxBodyBytes());
    }
}
