package dev.serverlesspatterns.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::KinesisFirehose::DeliveryStream} with a Kinesis data stream as its source and S3 as its
 * destination, the one shape the local runtime delivers itself (see {@code events.FirehoseDelivery}); any other
 * source or destination is refused rather than silently not delivered.
 *
 * @param sourceStream {@code KinesisStreamSourceConfiguration.KinesisStreamARN}, unresolved
 * @param bucket the destination's {@code BucketARN}, unresolved
 * @param prefix the destination's {@code Prefix}, unresolved; null for none
 * @param intervalSeconds {@code BufferingHints.IntervalInSeconds}, unresolved (often a parameter); 300 by default
 *     as on AWS
 * @param sizeMegabytes {@code BufferingHints.SizeInMBs}, unresolved; 5 by default as on AWS
 * @param appendDelimiter whether an {@code AppendDelimiterToRecord} processor adds a new line after each record
 */
public record DeliveryStreamDefinition(
        String logicalId,
        Object name,
        Object sourceStream,
        Object bucket,
        Object prefix,
        Object intervalSeconds,
        Object sizeMegabytes,
        boolean appendDelimiter) {

    public static final String TYPE = "AWS::KinesisFirehose::DeliveryStream";

    public static DeliveryStreamDefinition of(TemplateResource resource) {
        Map<String, Object> properties = resource.properties();
        Map<String, Object> source = resource.section("KinesisStreamSourceConfiguration");
        Map<String, Object> destination = properties.containsKey("ExtendedS3DestinationConfiguration")
                ? resource.section("ExtendedS3DestinationConfiguration")
                : resource.section("S3DestinationConfiguration");
        if (source.isEmpty() || destination.isEmpty()) {
            throw new IllegalStateException(resource.logicalId() + " is a delivery stream the local runtime does not"
                    + " deliver: it delivers a KinesisStreamSourceConfiguration to an (Extended)S3 destination only");
        }
        Map<String, Object> hints = SamTemplate.section(destination, "BufferingHints");
        Map<String, Object> processing = SamTemplate.section(destination, "ProcessingConfiguration");
        boolean appendDelimiter = !"false".equalsIgnoreCase(String.valueOf(processing.getOrDefault("Enabled", "true")))
                && processing.get("Processors") instanceof List<?> processors
                && processors.stream()
                        .anyMatch(processor -> processor instanceof Map<?, ?> map
                                && "AppendDelimiterToRecord".equals(map.get("Type")));
        return new DeliveryStreamDefinition(
                resource.logicalId(),
                properties.get("DeliveryStreamName"),
                source.get("KinesisStreamARN"),
                destination.get("BucketARN"),
                destination.get("Prefix"),
                hints.getOrDefault("IntervalInSeconds", 300),
                hints.getOrDefault("SizeInMBs", 5),
                appendDelimiter);
    }
}
