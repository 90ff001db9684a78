package dev.serverlesspatterns.payments.intent;

import dev.serverlesspatterns.local.testing.ProvisionedStack;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Looks straight into the provisioned payment intents table, past the function, to see what it wrote. */
final class PaymentIntentsTableProbe implements AutoCloseable {

    private final DynamoDbClient dynamo;
    private final String table;

    PaymentIntentsTableProbe(ProvisionedStack stack) {
        this.dynamo = stack.client(DynamoDbClient.builder());
        this.table = stack.physicalName("PaymentIntentsTable");
    }

    /** The invoice's payment intent, empty when none was opened. */
    Map<String, AttributeValue> intent(String invoiceId) {
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
