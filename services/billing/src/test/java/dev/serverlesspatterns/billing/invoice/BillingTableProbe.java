package dev.serverlesspatterns.billing.invoice;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned billing table, past the function. */
final class BillingTableProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    BillingTableProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("BillingTable");
    }

    /** The invoice item of an order, empty when none was written. */
    Map<String, AttributeValue> invoiceOf(String orderId) {
        return dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("invoiceId", AttributeValue.fromS(Invoice.invoiceIdOf(orderId))))
                        .consistentRead(true))
                .item();
    }

    /** Writes an invoice as a first attempt would have left it had it failed right after the write. */
    void putUnnotified(Map<String, AttributeValue> item) {
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
