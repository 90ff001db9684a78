package dev.serverlesspatterns.invoicing.invoice;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned invoices table, past the function, to see what it wrote. */
final class InvoicesTableProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    InvoicesTableProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("InvoicesTable");
    }

    /** The invoice's view, empty when none was recorded. */
    Map<String, AttributeValue> invoice(String invoiceId) {
        return dynamo.getItem(get -> get.tableName(table)
                        .key(Map.of("invoiceId", AttributeValue.fromS(invoiceId)))
                        .consistentRead(true))
                .item();
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
