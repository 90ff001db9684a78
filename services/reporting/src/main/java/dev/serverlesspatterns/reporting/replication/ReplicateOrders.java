package dev.serverlesspatterns.reporting.replication;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.serverlesspatterns.reporting.report.ReportCache;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The orders table's stream -> the read model {@code reporting.orders}, record by record in stream order, and the
 * cached reports each change made stale are deleted right after its row commits (the "change events" the report
 * cache subscribes to).
 *
 * <p>Every record is applied under the read model's version guard ({@link ReadModel}), so a redelivered or older image
 * changes nothing: the stream may replay as often as it likes. When the database or the cache fails (transient) the
 * function reports that record's sequence number, and Lambda retries from there. A record whose image is unreadable
 * (no retry can fix it) fails the whole invocation before anything of the batch is applied: Lambda then bisects the
 * batch until the record is alone, retries it {@code MaximumRetryAttempts} times and hands exactly it to the
 * on-failure queue; its neighbours are replicated.
 */
@Component("replicateOrders")
class ReplicateOrders implements Function<DynamodbEvent, StreamsEventResponse> {

    private static final Logger log = LoggerFactory.getLogger(ReplicateOrders.class);

    private final ReadModel readModel;
    private final ReportCache cache;

    ReplicateOrders(ReadModel readModel, ReportCache cache) {
        this.readModel = readModel;
        this.cache = cache;
    }

    @Override
    public StreamsEventResponse apply(DynamodbEvent event) {
        List<DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<OrderImage> images = records.stream().map(OrderImage::of).toList();
        for (int i = 0; i < images.size(); i++) {
            OrderImage image = images.get(i);
            String sequenceNumber = records.get(i).getDynamodb().getSequenceNumber();
            try {
                if (readModel.apply(image)) {
                    cache.evict(staleReports(image));
                }
            } catch (DataAccessException failure) {
                log.warn(
                        "Replicating order {} failed; the stream retries from record {}",
                        image.orderId(),
                        sequenceNumber,
                        failure);
                return new StreamsEventResponse(List.of(new BatchItemFailure(sequenceNumber)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /** The reports the order counts in: its day's sales and its customer's history (neither ever changes). */
    private static List<String> staleReports(OrderImage image) {
        return List.of(ReportCache.salesKey(image.day()), ReportCache.customerOrdersKey(image.customerId()));
    }
}
