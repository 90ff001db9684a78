package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Looks straight into the provisioned payment intents and payment orders tables, past the functions, to see what
 * they wrote.
 */
final class PaymentTablesProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String intents;
    private final String orders;

    PaymentTablesProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.intents = stack.physicalName("PaymentIntentsTable");
        this.orders = stack.physicalName("PaymentOrdersTable");
    }

    /** The invoice's payment intent, empty when none was opened. */
    Map<String, AttributeValue> intent(String invoiceId) {
        return item(intents, Map.of("invoiceId", AttributeValue.fromS(invoiceId)));
    }

    /** What payments knows of the order, empty when it heard of neither an invoice nor a cancellation. */
    Map<String, AttributeValue> order(String orderId) {
        return item(orders, Map.of("orderId", AttributeValue.fromS(orderId)));
    }

    /**
     * Registers an invoice with its order and writes no intent: what an {@code InvoiceIssued} delivery leaves behind
     * when it stops between its two writes (or has not reached the second yet).
     */
    void registerInvoiceWithoutIntent(String orderId, String invoiceId) {
        dynamo.updateItem(update -> update.tableName(orders)
                .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                .updateExpression("ADD invoiceIds :invoice")
                .expressionAttributeValues(Map.of(":invoice", AttributeValue.fromSs(List.of(invoiceId)))));
    }

    private Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        return dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true))
                .item();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
