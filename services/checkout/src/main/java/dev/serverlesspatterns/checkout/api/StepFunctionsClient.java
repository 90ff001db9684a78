package dev.serverlesspatterns.checkout.api;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Step Functions client, built by Spring Cloud AWS's configurer like the platform's clients (region, credentials,
 * endpoint, the shared HTTP client); Spring Cloud AWS has no module for it and only this service needs it.
 */
@Configuration(proxyBeanMethods = false)
class StepFunctionsClient {

    @Bean(destroyMethod = "close")
    SfnClient sfnClient(AwsClientBuilderConfigurer configurer, ObjectProvider<AwsSyncClientCustomizer> customizers) {
        return configurer
                .configureSyncClient(SfnClient.builder(), null, null, null, customizers.orderedStream())
                .build();
    }
}
