package dev.serverlesspatterns.billing.invoicerun;

import dev.serverlesspatterns.billing.BillingProperties;
import dev.serverlesspatterns.platform.Settings;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The invoice run bucket: run files under {@code runs/} (uploaded), and per job under {@code results/<jobId>/} one
 * object per billed chunk ({@code chunks/<n>.json}) and the aggregate ({@code invoice-run.json}).
 */
@Component
class InvoiceRunObjects {

    /** S3's answer to a conditional write whose condition does not hold. */
    private static final int PRECONDITION_FAILED = 412;

    private static final String JSON = "application/json";

    private final S3Client s3;
    private final String bucket;

    InvoiceRunObjects(S3Client s3, BillingProperties properties) {
        this.s3 = s3;
        this.bucket =
                Settings.required(properties.invoiceRun().bucket(), "billing.invoice-run.bucket", "INVOICE_RUN_BUCKET");
    }

    String bucket() {
        return bucket;
    }

    String read(String key) {
        return s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
    }

    /** A chunk's result; a redelivered chunk writes the same content again. */
    void putChunkResult(String jobId, String chunkName, String json) {
        s3.putObject(
                put -> put.bucket(bucket).key(chunkKey(jobId, chunkName)).contentType(JSON),
                RequestBody.fromString(json));
    }

    String chunkResult(String jobId, String chunkName) {
        return read(chunkKey(jobId, chunkName));
    }

    /**
     * Writes the aggregate only if no object has its key ({@code If-None-Match: *}); false when one exists, which a
     * second writer finds however the two interleave.
     */
    boolean putAggregateOnce(String jobId, String json) {
        try {
            s3.putObject(
                    put -> put.bucket(bucket)
                            .key(aggregateKey(jobId))
                            .contentType(JSON)
                            .ifNoneMatch("*"),
                    RequestBody.fromString(json));
            return true;
        } catch (S3Exception refused) {
            if (refused.statusCode() == PRECONDITION_FAILED) {
                return false;
            }
            throw refused;
        }
    }

    static String aggregateKey(String jobId) {
        return "results/" + jobId + "/invoice-run.json";
    }

    static String chunkKey(String jobId, String chunkName) {
        return "results/" + jobId + "/chunks/" + chunkName + ".json";
    }
}
