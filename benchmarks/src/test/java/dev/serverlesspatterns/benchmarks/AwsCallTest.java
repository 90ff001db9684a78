package dev.serverlesspatterns.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class AwsCallTest {

    @Test
    void callsTravelToTheSdkFloorAndBackUnchanged() {
        // given a function's calls, a query on an index among them
        List<AwsCall> calls = List.of(
                AwsCall.of(AwsCall.Api.DYNAMODB_PUT_ITEM_IF_ABSENT, "NOTIFICATIONS_TABLE", "orderId", "kind"),
                AwsCall.query("ORDERS_TABLE", "byCustomer", "customerId"),
                AwsCall.of(AwsCall.Api.LAMBDA_INVOKE_ASYNC, "ORDER_CONFIRMATION_FUNCTION"));

        // when they are written to the SDK floor's environment and read back
        String specs = AwsCall.specs(calls);

        // then nothing is lost
        assertThat(specs)
                .isEqualTo("DYNAMODB_PUT_ITEM_IF_ABSENT:NOTIFICATIONS_TABLE:orderId,kind:;"
                        + "DYNAMODB_QUERY:ORDERS_TABLE:customerId:byCustomer;"
                        + "LAMBDA_INVOKE_ASYNC:ORDER_CONFIRMATION_FUNCTION::");
        assertThat(AwsCall.parseAll(specs)).isEqualTo(calls);
        assertThat(AwsCall.parseAll(null)).isEmpty();
    }

    @Test
    void aDynamoDbCallNeedsItsKeyAndNoOtherCallHasOne() {
        // given calls with a missing or a superfluous key, or an index on something that is no query
        // when they are made
        // then each is refused, so the table in SdkFloorCalls cannot declare a call the floor cannot make
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AwsCall.of(AwsCall.Api.DYNAMODB_GET_ITEM, "ORDERS_TABLE"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AwsCall.of(AwsCall.Api.SNS_PUBLISH, "AUDIT_EVENTS_TOPIC", "orderId"));
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new AwsCall(AwsCall.Api.DYNAMODB_GET_ITEM, "ORDERS_TABLE", List.of("orderId"), "byCustomer"));
        assertThatIllegalArgumentException().isThrownBy(() -> AwsCall.parse("SNS_PUBLISH:AUDIT_EVENTS_TOPIC"));
    }

    @Test
    void theInvoiceRunsCallsTravelAndATransactionNeedsItsKeys() {
        // given the calls of the invoice run's functions
        List<AwsCall> calls = List.of(
                AwsCall.of(AwsCall.Api.S3_GET_OBJECT, "INVOICE_RUN_BUCKET"),
                AwsCall.of(AwsCall.Api.S3_PUT_OBJECT, "INVOICE_RUN_BUCKET"),
                AwsCall.of(AwsCall.Api.DYNAMODB_TRANSACT_WRITE, "INVOICE_RUN_TABLE", "jobId", "item"));

        // when they are written to the SDK floor's environment and read back
        String specs = AwsCall.specs(calls);

        // then nothing is lost, the report names them, and a transaction without keys or an S3 call with one is refused
        assertThat(AwsCall.parseAll(specs)).isEqualTo(calls);
        assertThat(calls.stream().map(AwsCall::describe))
                .containsExactly(
                        "S3 GetObject `INVOICE_RUN_BUCKET`",
                        "S3 PutObject `INVOICE_RUN_BUCKET`",
                        "TransactWriteItems (put if absent + update) `INVOICE_RUN_TABLE`");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AwsCall.of(AwsCall.Api.DYNAMODB_TRANSACT_WRITE, "INVOICE_RUN_TABLE"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AwsCall.of(AwsCall.Api.S3_PUT_OBJECT, "INVOICE_RUN_BUCKET", "jobId"));
    }
}
