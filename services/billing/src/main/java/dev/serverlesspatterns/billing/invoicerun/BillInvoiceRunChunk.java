package dev.serverlesspatterns.billing.invoicerun;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import dev.serverlesspatterns.platform.messaging.UnreadableMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fan-In: bills each chunk of an invoice run once and the last one writes the run's aggregate once.
 *
 * <ul>
 *   <li>A chunk's invoices are written to S3, then the chunk is counted done in one transaction with its own item,
 *       so a redelivered chunk counts once.
 *   <li>A chunk that can never be billed (a line breaks the format) is counted failed and marks the job
 *       {@code FAILED}; its message is reported failed, so after {@code maxReceiveCount} it is in the DLQ with its
 *       body. A failed job is never aggregated.
 *   <li>Whoever finds every chunk done claims the aggregation ({@code RUNNING} to {@code AGGREGATING}, once), writes
 *       the aggregate with {@code If-None-Match: *} and completes the job. A claimant that fails in between leaves the
 *       job {@code AGGREGATING}; a redelivered chunk of the job finishes it, and the conditional write keeps it to one
 *       object.
 * </ul>
 */
@Component("billInvoiceRunChunk")
class BillInvoiceRunChunk implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(BillInvoiceRunChunk.class);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final InvoiceRunJobs jobs;
    private final InvoiceRunObjects objects;
    private final JsonMapper json;
    private final Clock clock;

    BillInvoiceRunChunk(InvoiceRunJobs jobs, InvoiceRunObjects objects, JsonMapper json, Clock clock) {
        this.jobs = jobs;
        this.objects = objects;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::bill);
    }

    private void bill(SQSMessage message) {
        Chunk chunk = read(message);
        ArrayNode invoices;
        try {
            invoices = invoices(chunk);
        } catch (ChunkRejected rejected) {
            InvoiceRunJobs.Counted counted = jobs.countFailed(chunk, rejected.getMessage(), clock.instant());
            log.warn(
                    "Chunk {} of invoice run {} cannot be billed ({}): job marked failed",
                    chunk.name(),
                    chunk.jobId(),
                    counted);
            throw rejected;
        }
        ObjectNode result = json.createObjectNode().put("jobId", chunk.jobId()).put("chunk", chunk.chunk());
        result.set("invoices", invoices);
        objects.putChunkResult(chunk.jobId(), chunk.name(), json.writeValueAsString(result));
        InvoiceRunJobs.Counted counted = jobs.countDone(chunk, clock.instant());
        if (counted == InvoiceRunJobs.Counted.JOB_NOT_RUNNING) {
            log.info("Chunk {} of invoice run {} arrived after the run stopped running", chunk.name(), chunk.jobId());
        }
        jobs.find(chunk.jobId()).ifPresent(this::aggregateWhenComplete);
    }

    private Chunk read(SQSMessage message) {
        try {
            Chunk chunk = json.readValue(message.getBody(), Chunk.class);
            if (chunk.jobId() == null || chunk.lines() == null || chunk.chunk() < 0 || chunk.chunk() >= chunk.total()) {
                throw new UnreadableMessage("Not an invoice run chunk: " + message.getMessageId());
            }
            return chunk;
        } catch (JacksonException unreadable) {
            throw new UnreadableMessage("Not an invoice run chunk: " + unreadable.getOriginalMessage());
        }
    }

    /** One invoice per customer of the chunk, summing their lines per currency. */
    private ArrayNode invoices(Chunk chunk) {
        Map<String, Long> totals = new TreeMap<>();
        for (int line = 0; line < chunk.lines().size(); line++) {
            JsonNode entry;
            try {
                entry = json.readTree(chunk.lines().get(line));
            } catch (JacksonException unreadable) {
                throw new ChunkRejected("Line " + line + " of chunk " + chunk.name() + " is not JSON");
            }
            String customerId = entry.path("customerId").asString("");
            long amountCents = entry.path("amountCents").asLong(0);
            String currency = entry.path("currency").asString("");
            if (customerId.isBlank()
                    || amountCents <= 0
                    || !CURRENCY.matcher(currency).matches()) {
                throw new ChunkRejected("Line " + line + " of chunk " + chunk.name()
                        + " needs a customerId, a positive amountCents and a currency code");
            }
            totals.merge(customerId + "\u0000" + currency, amountCents, Long::sum);
        }
        ArrayNode invoices = json.createArrayNode();
        totals.forEach((customerAndCurrency, amountCents) -> {
            String[] parts = customerAndCurrency.split("\u0000", 2);
            invoices.addObject()
                    .put("customerId", parts[0])
                    .put("amountCents", amountCents)
                    .put("currency", parts[1]);
        });
        return invoices;
    }

    private void aggregateWhenComplete(Job job) {
        boolean aggregating = job.status().equals(Job.AGGREGATING)
                || (job.status().equals(Job.RUNNING) && job.allChunksDone() && jobs.claimAggregation(job.jobId()));
        if (!aggregating) {
            return;
        }
        boolean written = objects.putAggregateOnce(job.jobId(), json.writeValueAsString(aggregate(job)));
        jobs.complete(job.jobId(), InvoiceRunObjects.aggregateKey(job.jobId()));
        log.info(
                "Invoice run {} completed: {} chunks, aggregate {}",
                job.jobId(),
                job.total(),
                written ? "written" : "written before");
    }

    /** Every chunk's invoices in chunk order, with totals per currency. */
    private ObjectNode aggregate(Job job) {
        List<JsonNode> invoices = new ArrayList<>();
        for (int chunk = 0; chunk < job.total(); chunk++) {
            json.readTree(objects.chunkResult(job.jobId(), Chunk.name(chunk)))
                    .path("invoices")
                    .forEach(invoices::add);
        }
        Map<String, Long> totals = new TreeMap<>();
        invoices.forEach(invoice -> totals.merge(
                invoice.path("currency").asString(), invoice.path("amountCents").asLong(), Long::sum));
        ObjectNode aggregate = json.createObjectNode()
                .put("jobId", job.jobId())
                .put("source", job.source())
                .put("chunks", job.total())
                .put("invoiceCount", invoices.size());
        ObjectNode totalCents = aggregate.putObject("totalCents");
        totals.forEach(totalCents::put);
        aggregate.putArray("invoices").addAll(invoices);
        return aggregate;
    }
}
