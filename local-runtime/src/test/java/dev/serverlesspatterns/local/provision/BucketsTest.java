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
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(SharedEmulator.class)
class BucketsTest {

    private static final String TEMPLATE = """
            Resources:
              InvoiceRunsBucket:
                Type: AWS::S3::Bucket
              NamedBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-named"
                  VersioningConfiguration:
                    Status: Enabled
            """;

    @Test
    void createsEachBucketUnderItsNameOrALowerCaseGeneratedOne(AwsEmulator emulator, @TempDir Path directory)
            throws IOException {
        // given a template with a named and an unnamed bucket
        SamTemplate template = SamTemplate.load(Files.writeString(directory.resolve("template.yaml"), TEMPLATE));

        // when it is provisioned, twice on the same emulator as a reused one would be
        Provisioner.provision(template, emulator.endpoint(), "buckets-test", Map.of());
        Stack stack = Provisioner.provision(template, emulator.endpoint(), "buckets-test", Map.of());

        // then both buckets exist, and Ref and GetAtt answer like CloudFormation
        assertThat(stack.ref("InvoiceRunsBucket")).isEqualTo("buckets-test-invoicerunsbucket");
        assertThat(stack.ref("NamedBucket")).isEqualTo("buckets-test-named");
        assertThat(stack.attribute("InvoiceRunsBucket", "Arn"))
                .isEqualTo("arn:aws:s3:::buckets-test-invoicerunsbucket");
        try (S3Client s3 = emulator.endpoint().s3()) {
            assertThat(s3.listBuckets().buckets())
                    .extracting(bucket -> bucket.name())
                    .contains("buckets-test-invoicerunsbucket", "buckets-test-named");
            // and the named one keeps versions, as its VersioningConfiguration says
            assertThat(s3.getBucketVersioning(get -> get.bucket("buckets-test-named"))
                            .statusAsString())
                    .isEqualTo("Enabled");
        }
    }

    @Test
    void aLongGeneratedNameKeepsItsStartAndStaysWithinS3sLimit() {
        // given a stack and logical id longer than a bucket name may be
        String long_ = "a-very-long-nested-stack-name-for-the-billing-service-Stack-InvoiceRunsBucket";

        // when a name is generated for it
        String name = Buckets.generatedName(long_);

        // then it is lower case, at most 63 characters, and distinct per input
        assertThat(name).hasSizeLessThanOrEqualTo(63).isLowerCase().startsWith("a-very-long-nested-stack-name");
        assertThat(Buckets.generatedName(long_ + "2")).isNotEqualTo(name);
    }
}
