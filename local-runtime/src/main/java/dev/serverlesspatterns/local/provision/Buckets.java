package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * {@code AWS::S3::Bucket}: the bucket, named by {@code BucketName} or, like CloudFormation, after the stack and the
 * logical id in lower case. {@code VersioningConfiguration} is applied (a test may count an object's versions);
 * encryption, lifecycle and public-access settings change nothing a local run observes; event notifications to
 * functions are delivered by the local runtime (see {@code events}).
 */
final class Buckets {

    static final String TYPE = "AWS::S3::Bucket";

    /** S3's limit on a bucket name. */
    private static final int MAX_NAME_LENGTH = 63;

    private Buckets() {}

    static void create(S3Client s3, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        String name = properties.containsKey("BucketName")
                ? stack.intrinsics().resolveString(properties.get("BucketName"))
                : generatedName(stack.generatedName(resource.logicalId()));
        try {
            s3.createBucket(request -> request.bucket(name));
        } catch (BucketAlreadyOwnedByYouException reused) {
            // A reused emulator keeps its buckets, as CreateQueue and CreateTopic keep theirs.
        }
        Object versioning =
                SamTemplate.section(properties, "VersioningConfiguration").get("Status");
        if (versioning != null) {
            s3.putBucketVersioning(request -> request.bucket(name)
                    .versioningConfiguration(configuration -> configuration.status(String.valueOf(versioning))));
        }
        stack.record(
                resource.logicalId(),
                name,
                Map.of(
                        "Arn", "arn:aws:s3:::" + name,
                        "DomainName", name + ".s3.amazonaws.com",
                        "RegionalDomainName", name + ".s3." + stack.endpoint().region() + ".amazonaws.com"));
    }

    /** Lower case, and short enough for S3: a long stack name keeps its start and gains a digest of the whole. */
    static String generatedName(String stackAndLogicalId) {
        String name = stackAndLogicalId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        String digest = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                .toString()
                .substring(0, 8);
        return name.substring(0, MAX_NAME_LENGTH - digest.length() - 1) + "-" + digest;
    }
}
