package dev.serverlesspatterns.platform.aws;

import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What Spring Cloud AWS leaves to the platform. Its auto-configuration builds the DynamoDB (and enhanced), Secrets
 * Manager, SNS and SQS clients, with region, credentials and endpoint from {@code spring.cloud.aws.*}; left unset, as
 * here, the SDK's own {@code AWS_REGION} and {@code AWS_ENDPOINT_URL} (or {@code AWS_ENDPOINT_URL_<SERVICE>}) apply,
 * which is how the local runtime and the tests point every client at an emulator. Building a client touches no
 * network, and the platform's lazy initialization builds it at first use.
 *
 * <p>Added here: one URL-connection HTTP client for every synchronous client (the quickest to start; the SDK would
 * otherwise take whichever it finds on the class path), and the Lambda, EventBridge and S3 clients, which Spring Cloud
 * AWS has no module for, built by its {@link AwsClientBuilderConfigurer} like the others.
 */
@AutoConfiguration(after = AwsAutoConfiguration.class)
public class AwsClientsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SdkHttpClient sdkHttpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    @Bean
    AwsSyncClientCustomizer sharedHttpClient(SdkHttpClient httpClient) {
        return builder -> builder.httpClient(httpClient);
    }

    /**
     * Only for services that bring the Lambda SDK (platform declares it optional). A nested class, because a
     * {@code @Bean} method returning {@link LambdaClient} would fail to load where the class is absent.
     * {@code AWS_ENDPOINT_URL_LAMBDA} points it at the local Lambda Invoke API.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(LambdaClient.class)
    static class LambdaClientConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        LambdaClient lambdaClient(
                AwsClientBuilderConfigurer configurer, ObjectProvider<AwsSyncClientCustomizer> customizers) {
            return configurer
                    .configureSyncClient(LambdaClient.builder(), null, null, null, customizers.orderedStream())
                    .build();
        }
    }

    /** Only for services that put events on an EventBridge bus and bring its SDK; nested like the Lambda client. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventBridgeClient.class)
    static class EventBridgeClientConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        EventBridgeClient eventBridgeClient(
                AwsClientBuilderConfigurer configurer, ObjectProvider<AwsSyncClientCustomizer> customizers) {
            return configurer
                    .configureSyncClient(EventBridgeClient.builder(), null, null, null, customizers.orderedStream())
                    .build();
        }
    }

    /**
     * Only for services that read or write objects and bring the S3 SDK; nested like the Lambda client. Path-style
     * addressing, because emulators serve buckets under their own host name; on AWS it reaches the same objects.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(S3Client.class)
    static class S3ClientConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        S3Client s3Client(AwsClientBuilderConfigurer configurer, ObjectProvider<AwsSyncClientCustomizer> customizers) {
            return configurer
                    .configureSyncClient(
                            S3Client.builder().forcePathStyle(true), null, null, null, customizers.orderedStream())
                    .build();
        }
    }
}
