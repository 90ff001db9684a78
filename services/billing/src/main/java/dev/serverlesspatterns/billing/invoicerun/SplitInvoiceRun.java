package dev.serverlesspatterns.billing.invoicerun;

import dev.serverlesspatterns.billing.BillingProperties;
import dev.serverlesspatterns.platform.Settings;
import io.awspring.cloud.sqs.operations.SqsTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Fan-Out: S3 notifies this function of each run file uploaded under {@code runs/} (asynchronously, two retries, then
 * the on-failure queue). The run's job id follows from the object (bucket, key and ETag), the job is created only if
 * absent, and the run file's lines go out in chunk messages of {@code chunk-size} lines to the workers' queue. A
 * re-delivered notification sends the same chunks again, which the workers count once; a run file without lines is
 * recorded as a failed job and sends nothing, and one deleted before its notification arrived is skipped.
 */
@Component("splitInvoiceRun")
class SplitInvoiceRun implements Consumer<RunUploaded> {

    private static final Logger log = LoggerFactory.getLogger(SplitInvoiceRun.class);

    /** SQS's limit on a batch send. */
    private static final int SEND_BATCH = 10;

    private final InvoiceRunObjects objects;
    private final InvoiceRunJobs jobs;
    private final SqsTemplate sqs;
    private final String chunkQueueUrl;
    private final int chunkSize;
    private final Clock clock;

    SplitInvoiceRun(
            InvoiceRunObjects objects,
            InvoiceRunJobs jobs,
            SqsTemplate sqs,
            BillingProperties properties,
            Clock clock) {
        this.objects = objects;
        this.jobs = jobs;
        this.sqs = sqs;
        this.chunkQueueUrl = Settings.required(
                properties.invoiceRun().chunkQueueUrl(),
                "billing.invoice-run.chunk-queue-url",
                "INVOICE_RUN_CHUNK_QUEUE");
        this.chunkSize = Math.max(1, properties.invoiceRun().chunkSize());
        this.clock = clock;
    }

    @Override
    public void accept(RunUploaded event) {
        event.notifications().forEach(this::split);
    }

    private void split(RunUploaded.Notification notification) {
        RunUploaded.S3Object object = notification.s3().object();
        String source = object.decodedKey();
        String jobId = jobIdOf(notification.s3().bucket().name(), source, object.eTag());
        List<String> lines;
        try {
            lines = objects.read(source).lines().filter(line -> !line.isBlank()).toList();
        } catch (NoSuchKeyException deleted) {
            // Deleted before its notification arrived: there is nothing to split, and a retry would not find it either.
            log.warn("Invoice run {} ({}) is gone from the bucket: nothing to split", jobId, source);
            return;
        }
        if (lines.isEmpty()) {
            log.warn("Invoice run {} ({}) has no lines: recorded as failed", jobId, source);
            jobs.refuse(jobId, source, "The run file has no lines", clock.instant());
            return;
        }
        int total = (lines.size() + chunkSize - 1) / chunkSize;
        if (!jobs.start(jobId, source, total, clock.instant())) {
            log.info("Invoice run {} ({}) was started before: sending its chunks again", jobId, source);
        }
        List<Message<Chunk>> batch = new ArrayList<>();
        for (int chunk = 0; chunk < total; chunk++) {
            List<String> part = lines.subList(chunk * chunkSize, Math.min(lines.size(), (chunk + 1) * chunkSize));
            batch.add(MessageBuilder.withPayload(new Chunk(jobId, chunk, total, List.copyOf(part)))
                    .build());
            if (batch.size() == SEND_BATCH || chunk == total - 1) {
                sqs.sendMany(chunkQueueUrl, batch);
                batch.clear();
            }
        }
        log.info("Invoice run {} ({}): {} lines in {} chunks", jobId, source, lines.size(), total);
    }

    /** The same object (bucket, key, content) is the same run: its notification may come more than once. */
    static String jobIdOf(String bucket, String key, String eTag) {
        return UUID.nameUUIDFromBytes((bucket + "/" + key + "@" + eTag).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
