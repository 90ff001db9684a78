package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.events.StreamFailureRecord.Condition;
import dev.serverlesspatterns.local.invoke.FailureDestination;
import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.StreamEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Settles one batch of a shard's records the way Lambda does before it moves on in that shard: it returns once
 * every record of the batch has succeeded or been discarded (or the mapping stops).
 *
 * <ul>
 *   <li>Records older than {@code MaximumRecordAgeInSeconds} are discarded before an invocation ({@code
 *       RecordAgeExceeded}).
 *   <li>With {@code ReportBatchItemFailures}, the records before the lowest reported sequence number succeeded;
 *       the rest is retried as a smaller batch (this uses a retry, also when bisecting is on, as Lambda then splits
 *       at the reported record instead of halving).
 *   <li>A batch that failed as a whole (function error or unreadable response) is split in two halves when {@code
 *       BisectBatchOnFunctionError} is on, first half first; splitting uses no retry and each half counts its own
 *       retries. A single record, or any batch without bisecting, is retried until it has used {@code
 *       MaximumRetryAttempts} retries (-1: until its records expire), then discarded ({@code
 *       RetryAttemptsExhausted}).
 *   <li>Discarded records go to the on-failure destination as Lambda's {@link StreamFailureRecord}.
 * </ul>
 *
 * Retries wait a short, doubling delay, so a poison record does not spin the function host. A function that
 * cannot be reached at all is retried after a pause without using a retry, as Lambda does with throttling.
 */
final class StreamBatchProcessor<R> {

    private static final Logger log = LoggerFactory.getLogger(StreamBatchProcessor.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_INVOKE_ERROR = Duration.ofSeconds(1);

    /** Records not yet settled, with what their attempts as one batch so far left behind. */
    private record Pending<R>(
            List<R> records, int retries, int invocations, String lastRequestId, InvocationResult lastResponse) {

        static <R> Pending<R> of(List<R> records) {
            return new Pending<>(records, 0, 0, null, null);
        }

        Pending<R> from(int index) {
            return new Pending<>(
                    records.subList(index, records.size()), retries, invocations, lastRequestId, lastResponse);
        }

        Pending<R> upTo(int index) {
            return new Pending<>(records.subList(0, index), retries, invocations, lastRequestId, lastResponse);
        }

        Pending<R> invoked(String requestId, InvocationResult response) {
            return new Pending<>(records, retries, invocations + 1, requestId, response);
        }

        Pending<R> retried() {
            return new Pending<>(records, retries + 1, invocations, lastRequestId, lastResponse);
        }
    }

    private final StreamShards<R> stream;
    private final StreamEvent event;
    private final String functionArn;
    private final FailureDestination onFailure;
    private final LambdaInvoker invoker;
    private final Clock clock;
    private final StopSignal stop;

    /** @param onFailure where discarded records are reported; null to only log them */
    StreamBatchProcessor(
            StreamShards<R> stream,
            StreamEvent event,
            String functionArn,
            FailureDestination onFailure,
            LambdaInvoker invoker,
            Clock clock,
            StopSignal stop) {
        this.stream = stream;
        this.event = event;
        this.functionArn = functionArn;
        this.onFailure = onFailure;
        this.invoker = invoker;
        this.clock = clock;
        this.stop = stop;
    }

    void process(String shardId, List<R> batch) {
        Deque<Pending<R>> work = new ArrayDeque<>();
        work.push(Pending.of(List.copyOf(batch)));
        while (!work.isEmpty() && !stop.stopped()) {
            Pending<R> pending = withoutExpiredRecords(shardId, work.pop());
            if (pending.records().isEmpty()) {
                continue;
            }
            String requestId = UUID.randomUUID().toString();
            InvocationResult result;
            try {
                result = invoker.invoke(event.functionLogicalId(), stream.event(shardId, pending.records()));
            } catch (RuntimeException invokeFailure) {
                log.warn(
                        "{} could not invoke {} with records {} of shard {}; trying again",
                        name(),
                        event.functionLogicalId(),
                        range(pending),
                        shardId,
                        invokeFailure);
                work.push(pending);
                stop.pause(PAUSE_AFTER_INVOKE_ERROR);
                continue;
            }
            Pending<R> invoked = pending.invoked(requestId, result);
            switch (StreamBatchOutcome.of(result, event.reportBatchItemFailures(), sequenceNumbers(invoked))) {
                case StreamBatchOutcome.Succeeded succeeded ->
                    log.debug("{} processed records {} of shard {}", name(), range(invoked), shardId);
                case StreamBatchOutcome.FailedFrom(int firstFailed) ->
                    retryOrDiscard(
                            shardId,
                            work,
                            invoked.from(firstFailed),
                            "reported as batch item failures from "
                                    + stream.sequenceNumber(invoked.records().get(firstFailed)));
                case StreamBatchOutcome.Failed(String reason) -> {
                    if (event.bisectBatchOnFunctionError() && invoked.records().size() > 1) {
                        int half = (invoked.records().size() + 1) / 2;
                        log.warn(
                                "{}: records {} of shard {} failed ({}); bisecting the batch",
                                name(),
                                range(invoked),
                                shardId,
                                reason);
                        work.push(Pending.of(invoked.records()
                                .subList(half, invoked.records().size())));
                        work.push(Pending.of(invoked.records().subList(0, half)));
                    } else {
                        retryOrDiscard(shardId, work, invoked, reason);
                    }
                }
            }
        }
    }

    private void retryOrDiscard(String shardId, Deque<Pending<R>> work, Pending<R> failed, String reason) {
        int allowed = event.maximumRetryAttempts();
        if (allowed >= 0 && failed.retries() >= allowed) {
            discard(shardId, failed, Condition.RETRY_ATTEMPTS_EXHAUSTED, reason);
            return;
        }
        Pending<R> retry = failed.retried();
        log.warn(
                "{}: records {} of shard {} failed ({}); retry {} of {}",
                name(),
                range(retry),
                shardId,
                reason,
                retry.retries(),
                allowed < 0 ? "unlimited" : allowed);
        work.push(retry);
        stop.pause(retryDelay(retry.retries()));
    }

    private static Duration retryDelay(int retry) {
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(retry - 1, 16));
        return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
    }

    /** Discards the leading records older than the maximum record age: records come in stream order. */
    private Pending<R> withoutExpiredRecords(String shardId, Pending<R> pending) {
        if (event.maximumRecordAgeSeconds() < 0) {
            return pending;
        }
        Instant oldestAllowed = clock.instant().minusSeconds(event.maximumRecordAgeSeconds());
        int expired = 0;
        while (expired < pending.records().size()
                && createdBefore(pending.records().get(expired), oldestAllowed)) {
            expired++;
        }
        if (expired == 0) {
            return pending;
        }
        discard(
                shardId,
                pending.upTo(expired),
                Condition.RECORD_AGE_EXCEEDED,
                "older than " + event.maximumRecordAgeSeconds() + " s");
        return pending.from(expired);
    }

    private boolean createdBefore(R record, Instant instant) {
        Instant created = stream.arrival(record);
        return created != null && created.isBefore(instant);
    }

    private void discard(String shardId, Pending<R> discarded, Condition condition, String reason) {
        if (onFailure == null) {
            log.warn(
                    "{} discarded records {} of shard {} ({}, {}; invoked {} times); no on-failure destination",
                    name(),
                    range(discarded),
                    shardId,
                    condition,
                    reason,
                    discarded.invocations());
            return;
        }
        String failureRecord = new StreamFailureRecord(
                        discarded.lastRequestId(),
                        functionArn,
                        condition,
                        discarded.invocations(),
                        discarded.lastResponse(),
                        shardId,
                        stream.streamArn(),
                        stream.batchInfoField(),
                        sequenceNumbers(discarded),
                        stream.arrival(discarded.records().getFirst()),
                        stream.arrival(discarded.records().getLast()),
                        clock.instant())
                .toJson();
        try {
            onFailure.send(failureRecord);
            log.warn(
                    "{} discarded records {} of shard {} ({}, {}; invoked {} times) and reported them to {}",
                    name(),
                    range(discarded),
                    shardId,
                    condition,
                    reason,
                    discarded.invocations(),
                    onFailure.arn());
        } catch (SdkException failure) {
            log.warn(
                    "{} discarded records {} of shard {} ({}) but could not report them to {}: {}",
                    name(),
                    range(discarded),
                    shardId,
                    condition,
                    onFailure.arn(),
                    failure.getMessage());
        }
    }

    private List<String> sequenceNumbers(Pending<R> pending) {
        return pending.records().stream().map(stream::sequenceNumber).toList();
    }

    /** The records' sequence numbers, for the log. */
    private String range(Pending<R> pending) {
        String first = stream.sequenceNumber(pending.records().getFirst());
        return pending.records().size() == 1
                ? first
                : first + ".." + stream.sequenceNumber(pending.records().getLast());
    }

    private String name() {
        return event.functionLogicalId() + "." + event.name();
    }
}
