package dev.serverlesspatterns.billing.invoicerun;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The part of Lambda's S3 event the splitter reads: which object was created. S3 writes the key URL-encoded (a space
 * as {@code +}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RunUploaded(@JsonProperty("Records") List<Notification> records) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Notification(String eventName, S3 s3) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3(Bucket bucket, S3Object object) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bucket(String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record S3Object(String key, long size, String eTag) {

        String decodedKey() {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        }
    }

    List<Notification> notifications() {
        return records == null ? List.of() : records;
    }
}
