package dev.serverlesspatterns.clickstream.aggregate;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The click stream -> clicks per product. Each click is counted once however often Lambda hands it over (a retried
 * batch, a record both in a failed batch and its bisected half): {@link ClickCounts} remembers the counted clicks.
 *
 * <p>Clicks are counted in stream order, a transaction at a time; when DynamoDB refuses one, the function reports
 * its first record, so Lambda retries from there and what was counted before stays counted once. A record that is
 * not a click is different: no retry fixes it, and reported as a batch item failure it would take every later
 * record of its batch to the on-failure queue once retries are spent. So the function fails before counting anything
 * of the batch; Lambda bisects the batch until the record is alone, retries it, hands exactly it to the on-failure
 * queue, and its neighbours are counted.
 */
@Component("aggregateClicks")
class AggregateClicks implements Function<KinesisEvent, StreamsEventResponse> {

    private static final Logger log = LoggerFactory.getLogger(AggregateClicks.class);

    private final ClickCounts counts;
    private final JsonMapper json;

    AggregateClicks(ClickCounts counts, JsonMapper json) {
        this.counts = counts;
        this.json = json;
    }

    @Override
    public StreamsEventResponse apply(KinesisEvent event) {
        List<KinesisEventRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<Click> clicks = new ArrayList<>();
        for (KinesisEventRecord record : records) {
            clicks.add(Click.of(
                    json,
                    record.getKinesis().getSequenceNumber(),
                    record.getKinesis().getData()));
        }
        int start = 0;
        Set<String> inBatch = new HashSet<>();
        while (start < clicks.size()) {
            List<Click> transaction = new ArrayList<>();
            // A transaction's items: a marker per click and an update per product.
            Set<String> products = new HashSet<>();
            int end = start;
            for (; end < clicks.size(); end++) {
                Click click = clicks.get(end);
                if (inBatch.contains(click.clickId())) {
                    continue;
                }
                int items = transaction.size() + 1 + products.size() + (products.contains(click.productId()) ? 0 : 1);
                if (items > ClickCounts.MAX_ITEMS_PER_TRANSACTION) {
                    break;
                }
                transaction.add(click);
                products.add(click.productId());
                inBatch.add(click.clickId());
            }
            try {
                counts.count(transaction);
            } catch (SdkException failure) {
                String sequenceNumber = records.get(start).getKinesis().getSequenceNumber();
                log.warn(
                        "DynamoDB did not count the clicks; the stream retries from record {}",
                        sequenceNumber,
                        failure);
                return new StreamsEventResponse(List.of(new BatchItemFailure(sequenceNumber)));
            }
            start = end;
        }
        return new StreamsEventResponse(List.of());
    }
}
