package dev.serverlesspatterns.clickstream.aggregate;

import dev.serverlesspatterns.clickstream.ClickstreamProperties;
import dev.serverlesspatterns.platform.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The clicks per product, each click counted once: one transaction puts a marker for each click, on condition that
 * it is not there yet, and adds the new clicks to their products' counts. A click whose marker exists was counted
 * by an earlier attempt of its batch; the transaction is run again without it.
 */
@Component
class ClickCounts {

    /** Markers plus product updates in one transaction: DynamoDB's classic limit, which every emulator takes. */
    static final int MAX_ITEMS_PER_TRANSACTION = 25;

    private static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    private static final String PRIMING_ID = "snapstart-priming";

    private final DynamoDbClient dynamo;
    private final String countedClicksTable;
    private final String productClicksTable;

    ClickCounts(DynamoDbClient dynamo, ClickstreamProperties properties) {
        this.dynamo = dynamo;
        this.countedClicksTable = Settings.required(
                properties.countedClicksTable(), "clickstream.counted-clicks-table", "COUNTED_CLICKS_TABLE");
        this.productClicksTable = Settings.required(
                properties.productClicksTable(), "clickstream.product-clicks-table", "PRODUCT_CLICKS_TABLE");
    }

    /**
     * Counts the clicks not counted yet; they fit one transaction: a marker per click plus an update per product, at
     * most {@link #MAX_ITEMS_PER_TRANSACTION} items.
     *
     * @return how many were new
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB did not take the transaction
     */
    int count(List<Click> clicks) {
        List<Click> pending = new ArrayList<>(clicks);
        while (!pending.isEmpty()) {
            List<TransactWriteItem> items = transaction(pending);
            try {
                dynamo.transactWriteItems(request -> request.transactItems(items));
                return pending.size();
            } catch (TransactionCanceledException canceled) {
                List<Click> counted = alreadyCounted(pending, canceled.cancellationReasons());
                if (counted.isEmpty()) {
                    throw canceled;
                }
                pending.removeAll(counted);
            }
        }
        return 0;
    }

    /**
     * The transaction of one new click, refused by DynamoDB as it also checks that the priming product has a count,
     * which it never has: for SnapStart priming, it writes nothing.
     */
    void countRefused() {
        List<TransactWriteItem> items = new ArrayList<>(transaction(List.of(new Click(PRIMING_ID, PRIMING_ID))));
        items.removeLast();
        items.add(TransactWriteItem.builder()
                .update(update -> update.tableName(productClicksTable)
                        .key(Map.of("productId", AttributeValue.fromS(PRIMING_ID)))
                        .updateExpression("ADD clicks :n")
                        .conditionExpression("attribute_exists(productId)")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))))
                .build());
        try {
            dynamo.transactWriteItems(request -> request.transactItems(items));
            throw new IllegalStateException("The priming transaction was not refused");
        } catch (TransactionCanceledException refused) {
            // Refused as intended: nothing was written.
        }
    }

    private List<TransactWriteItem> transaction(List<Click> clicks) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, Integer> perProduct = new LinkedHashMap<>();
        for (Click click : clicks) {
            items.add(TransactWriteItem.builder()
                    .put(put -> put.tableName(countedClicksTable)
                            .item(Map.of(
                                    "clickId", AttributeValue.fromS(click.clickId()),
                                    "productId", AttributeValue.fromS(click.productId())))
                            .conditionExpression("attribute_not_exists(clickId)"))
                    .build());
            perProduct.merge(click.productId(), 1, Integer::sum);
        }
        perProduct.forEach((productId, clicksOfProduct) -> items.add(TransactWriteItem.builder()
                .update(update -> update.tableName(productClicksTable)
                        .key(Map.of("productId", AttributeValue.fromS(productId)))
                        .updateExpression("ADD clicks :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN(String.valueOf(clicksOfProduct)))))
                .build()));
        return items;
    }

    /** The clicks whose marker condition failed: the reasons come in the order of the items, markers first. */
    private static List<Click> alreadyCounted(List<Click> clicks, List<CancellationReason> reasons) {
        Set<Click> counted = new LinkedHashSet<>();
        for (int i = 0; i < clicks.size() && i < reasons.size(); i++) {
            if (CONDITIONAL_CHECK_FAILED.equals(reasons.get(i).code())) {
                counted.add(clicks.get(i));
            }
        }
        boolean onlyMarkers = reasons.stream()
                .skip(clicks.size())
                .allMatch(reason -> reason.code() == null || "None".equals(reason.code()));
        return onlyMarkers ? List.copyOf(counted) : List.of();
    }
}
