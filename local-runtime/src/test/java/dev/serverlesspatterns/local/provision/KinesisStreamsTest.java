package dev.serverlesspatterns.local.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;

@ExtendWith(SharedEmulator.class)
class KinesisStreamsTest {

    private static final String TEMPLATE = """
            Resources:
              ClickStream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 2
              OnDemandStream:
                Type: AWS::Kinesis::Stream
                Properties:
                  Name: !Sub "${AWS::StackName}-on-demand"
                  StreamModeDetails:
                    StreamMode: ON_DEMAND
              ArchiveBucket:
                Type: AWS::S3::Bucket
              ClickArchive:
                Type: AWS::KinesisFirehose::DeliveryStream
                Properties:
                  DeliveryStreamType: KinesisStreamAsSource
                  KinesisStreamSourceConfiguration:
                    KinesisStreamARN: !GetAtt ClickStream.Arn
                    RoleARN: arn:aws:iam::000000000000:role/firehose
                  ExtendedS3DestinationConfiguration:
                    BucketARN: !GetAtt ArchiveBucket.Arn
                    RoleARN: arn:aws:iam::000000000000:role/firehose
            """;

    @Test
    void createsEachStreamWithItsShardsAndNamesTheDeliveryStreamTheLocalRuntimeRuns(
            AwsEmulator emulator, @TempDir Path directory) throws IOException {
        // given a template with a provisioned and an on-demand stream, and a delivery stream reading the first
        SamTemplate template = SamTemplate.load(Files.writeString(directory.resolve("template.yaml"), TEMPLATE));

        // when it is provisioned, twice on the same emulator as a reused one would be
        Provisioner.provision(template, emulator.endpoint(), "kinesis-test", Map.of());
        Stack stack = Provisioner.provision(template, emulator.endpoint(), "kinesis-test", Map.of());

        // then the streams exist with their shards, and Ref and GetAtt answer like CloudFormation
        assertThat(stack.ref("ClickStream")).isEqualTo("kinesis-test-ClickStream");
        assertThat(stack.attribute("ClickStream", "Arn"))
                .isEqualTo("arn:aws:kinesis:" + emulator.endpoint().region()
                        + ":000000000000:stream/kinesis-test-ClickStream");
        assertThat(stack.ref("OnDemandStream")).isEqualTo("kinesis-test-on-demand");
        try (KinesisClient kinesis = emulator.endpoint().kinesis()) {
            assertThat(kinesis.listShards(request -> request.streamName("kinesis-test-ClickStream"))
                            .shards())
                    .hasSize(2);
            assertThat(kinesis.listShards(request -> request.streamName("kinesis-test-on-demand"))
                            .shards())
                    .hasSize(4);
        }

        // and the delivery stream, which the local runtime runs itself, answers Ref and Arn
        assertThat(stack.ref("ClickArchive")).isEqualTo("kinesis-test-ClickArchive");
        assertThat(stack.attribute("ClickArchive", "Arn"))
                .isEqualTo("arn:aws:firehose:" + emulator.endpoint().region()
                        + ":000000000000:deliverystream/kinesis-test-ClickArchive");
    }
}
