package dev.serverlesspatterns.platform.aws;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS SDK clients, created once per execution environment. Region, credentials and endpoint come from the
 * SDK's default chains, so {@code AWS_ENDPOINT_URL} points every client at an emulator without code
 * changes. The URL-connection HTTP client keeps cold starts short.
 */
@AutoConfiguration
public class AwsClientsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SdkHttpClient sdkHttpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnClass(DynamoDbClient.class)
    DynamoDbClient dynamoDbClient(SdkHttpClient httpClient) {
        return DynamoDbClient.builder().httpClient(httpClient).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnClass(SecretsManagerClient.class)
    SecretsManagerClient secretsManagerClient(SdkHttpClient httpClient) {
        return SecretsManagerClient.builder().httpClient(httpClient).build();
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
        LambdaClient lambdaClient(SdkHttpClient httpClient) {
            return LambdaClient.builder().httpClient(httpClient).build();
        }
    }

    /**
     * Only for services that publish to SNS topics and bring the SNS SDK (platform declares it optional); nested
     * for the same reason as {@link LambdaClientConfiguration}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SnsClient.class)
    static class SnsClientConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        SnsClient snsClient(SdkHttpClient httpClient) {
            return SnsClient.builder().httpClient(httpClient).build();
        }
    }

    /** Only for services that put events on an EventBridge bus and bring its SDK; nested like the others. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventBridgeClient.class)
    static class EventBridgeClientConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        EventBridgeClient eventBridgeClient(SdkHttpClient httpClient) {
            return EventBridgeClient.builder().httpClient(httpClient).build();
        }
    }

    /** Only for services that send to SQS queues and bring the SQS SDK; nested like the others. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SqsClient.class)
    static class SqsClientConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        SqsClient sqsClient(SdkHttpClient httpClient) {
            return SqsClient.builder().httpClient(httpClient).build();
        }
    }
}
