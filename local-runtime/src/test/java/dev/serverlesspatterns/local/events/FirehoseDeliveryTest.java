package dev.serverlesspatterns.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.testing.SharedEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The Firehose delivery the local runtime runs from the template: Kinesis stream, buffer, S3. */
@ExtendWith(SharedEmulator.class)
class FirehoseDeliveryTest {

    private static final String TEMPLATE = """
            Parameters:
              BufferSeconds:
                Type: Number
                Default: 300
            Resources:
              ClickStream:
                Type: AWS::Kinesis::Stream
                Properties:
                  ShardCount: 2
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
                    Prefix: clicks/
                    BufferingHints:
                      IntervalInSeconds: !Ref BufferSeconds
                      SizeInMBs: 1
                    ProcessingConfiguration:
                      Enabled: true
                      Processors:
                        - Type: AppendDelimiterToRecord
            """;

    @Test
    void buffersTheStreamsRecordsForTheIntervalAndWritesEachOnceUnderThePrefix(
            AwsEmulator emulator, @TempDir Path directory) throws IOException {
        // given the template provisioned with a two-second buffer interval, and its delivery running
        SamTemplate template = SamTemplate.load(Files.writeString(directory.resolve("template.yaml"), TEMPLATE));
        Stack stack =
                Provisioner.provision(template, emulator.endpoint(), "firehose-test", Map.of("BufferSeconds", "2"));
        String bucket = stack.ref("ArchiveBucket");
        List<String> sent = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> "{\"clickId\":\"c-" + i + "\"}")
                .toList();
        try (KinesisClient kinesis = emulator.endpoint().kinesis();
                S3Client s3 = emulator.endpoint().s3();
                var sources = EventSources.start(stack, RecordingInvoker.succeeding(), new RecordingAsyncInvoker())) {

            // when records are put on the stream across its shards
            sent.forEach(record -> kinesis.putRecord(request -> request.streamName(stack.ref("ClickStream"))
                    .partitionKey(record)
                    .data(SdkBytes.fromUtf8String(record))));

            // then nothing is written before the interval has passed
            assertThat(objects(s3, bucket)).isEmpty();

            // and after it, the prefix holds every record once, a line each, in few buffered objects
            await().atMost(Duration.ofSeconds(15)).until(() -> lines(s3, bucket).size() >= sent.size());
            // for longer than a buffer interval, so a record written twice would show
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lines(s3, bucket).size() == sent.size());
            assertThat(lines(s3, bucket)).containsExactlyInAnyOrderElementsOf(sent);
            List<S3Object> objects = objects(s3, bucket);
            assertThat(objects).hasSizeLessThanOrEqualTo(2);
            String hour = DateTimeFormatter.ofPattern("yyyy/MM/dd/").format(ZonedDateTime.now(ZoneOffset.UTC));
            assertThat(objects)
                    .allSatisfy(object -> assertThat(object.key())
                            .startsWith("clicks/" + hour)
                            .matches("clicks/\\d{4}/\\d{2}/\\d{2}/\\d{2}/firehose-test-ClickArchive-1-"
                                    + "\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}"));
        }
    }

    private static List<S3Object> objects(S3Client s3, String bucket) {
        return s3.listObjectsV2(request -> request.bucket(bucket).prefix("clicks/"))
                .contents();
    }

    private static List<String> lines(S3Client s3, String bucket) {
        List<String> lines = new ArrayList<>();
        for (S3Object object : objects(s3, bucket)) {
            String body = s3.getObjectAsBytes(request -> request.bucket(bucket).key(object.key()))
                    .asUtf8String();
            lines.addAll(body.lines().toList());
        }
        return lines;
    }
}
