package dev.serverlesspatterns.local.emulator;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the AWS API answers for this run, and the credentials to sign with. The same values reach the
 * services as the SDK's standard environment variables, so service code never asks where it runs.
 *
 * @param description what serves the endpoint, for progress output
 */
public record AwsEndpoint(URI endpoint, String region, String accessKeyId, String secretAccessKey, String description) {

    public static final String ACCOUNT_ID = "000000000000";

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** An S3 client with path-style addressing: emulators serve buckets under their own host name, not as subdomains. */
    public S3Client s3() {
        return configure(S3Client.builder().forcePathStyle(true));
    }

    /**
     * A Kinesis client that speaks JSON: the SDK speaks CBOR to Kinesis by default, which moto cannot read, and it
     * takes that switch only from the system setting, read when a client is built. So this process turns it off for
     * itself, and {@link #environment()} and {@link #systemProperties()} turn it off for the services.
     */
    public KinesisClient kinesis() {
        System.setProperty(SdkSystemSetting.CBOR_ENABLED.property(), "false");
        return configure(KinesisClient.builder());
    }

    /** The SDK's environment variables for a process that should talk to this endpoint. */
    public Map<String, String> environment() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_REGION", region,
                "AWS_DEFAULT_REGION", region,
                "AWS_ACCESS_KEY_ID", accessKeyId,
                "AWS_SECRET_ACCESS_KEY", secretAccessKey,
                "CBOR_ENABLED", "false");
    }

    /** The SDK's system properties, for code running inside this JVM. */
    public Map<String, String> systemProperties() {
        return Map.of(
                "aws.endpointUrl",
                endpoint.toString(),
                "aws.region",
                region,
                "aws.accessKeyId",
                accessKeyId,
                "aws.secretAccessKey",
                secretAccessKey,
                SdkSystemSetting.CBOR_ENABLED.property(),
                "false");
    }
}
