package dev.serverlesspatterns.benchmarks;

import static dev.serverlesspatterns.benchmarks.AwsCall.Api.DYNAMODB_GET_ITEM;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.DYNAMODB_PUT_ITEM_IF_ABSENT;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.DYNAMODB_QUERY;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.DYNAMODB_TRANSACT_WRITE;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.DYNAMODB_UPDATE_ITEM;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.EVENTBRIDGE_PUT_EVENTS;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.LAMBDA_INVOKE;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.LAMBDA_INVOKE_ASYNC;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.S3_GET_OBJECT;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.S3_PUT_OBJECT;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.SECRETS_MANAGER_GET_SECRET_VALUE;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.SNS_PUBLISH;
import static dev.serverlesspatterns.benchmarks.AwsCall.Api.SQS_SEND_MESSAGE;
import static java.util.Map.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS calls each template function makes on the request path of its fixture event, which its SDK floor makes
 * too. Read from the services' code: a function's table classes, topics, queues and secrets, on the path its
 * fixture takes (the Answers column shows that path: a 404 of {@code GetOrderFunction} is one {@code GetItem}).
 * Every function of the template must have its entry ({@code SdkFloorCallsTest}): a new function declares its calls
 * here, and a changed request path changes its entry.
 */
final class SdkFloorCalls {

    /**
     * @param calls in the order the function makes them
     * @param leftOut what the function does on that path that is no AWS SDK call, so the SDK floor leaves it out
     */
    record FunctionCalls(List<AwsCall> calls, Optional<String> leftOut) {

        FunctionCalls {
            calls = List.copyOf(calls);
        }

        String describe() {
            String made = calls.isEmpty()
                    ? "no AWS call"
                    : String.join(", ", calls.stream().map(AwsCall::describe).toList());
            return made + leftOut.map(left -> "; not in the floor: " + left).orElse("");
        }
    }

    private static final String ORDERS = "ORDERS_TABLE";
    private static final String USERS = "USERS_TABLE";
    private static final String DATABASE_SECRET = "DATABASE_SECRET_ARN";
    private static final String JDBC = "Postgres over JDBC";
    private static final String PARTNER = "the partner's HTTP API";

    private static final Map<String, FunctionCalls> BY_FUNCTION = Map.ofEntries(
            // audit: Big Fan and Distributed Trigger, one SNS publish each.
            entry("PublishAuditEventFunction", calls(AwsCall.of(SNS_PUBLISH, "AUDIT_EVENTS_TOPIC"))),
            entry("DistributeOrderActivityFunction", calls(AwsCall.of(SNS_PUBLISH, "ORDER_ACTIVITY_TOPIC"))),
            // checkout: the API starts and describes executions; each task reads its item, then writes it
            // conditionally.
            entry("StartCheckoutFunction", new FunctionCalls(List.of(), Optional.of("Step Functions StartExecution"))),
            entry("GetCheckoutFunction", new FunctionCalls(List.of(), Optional.of("Step Functions DescribeExecution"))),
            entry(
                    "ReserveStockFunction",
                    new FunctionCalls(
                            List.of(
                                    AwsCall.of(DYNAMODB_GET_ITEM, "RESERVATIONS_TABLE", "checkoutId"),
                                    AwsCall.of(DYNAMODB_GET_ITEM, "STOCK_TABLE", "sku"),
                                    AwsCall.of(DYNAMODB_TRANSACT_WRITE, "RESERVATIONS_TABLE", "checkoutId")),
                            Optional.of("one stock GetItem per line; the transaction also updates each line's stock"))),
            entry(
                    "ChargePaymentFunction",
                    calls(
                            AwsCall.of(DYNAMODB_GET_ITEM, "PAYMENTS_TABLE", "checkoutId"),
                            AwsCall.of(DYNAMODB_UPDATE_ITEM, "PAYMENTS_TABLE", "checkoutId"),
                            AwsCall.of(DYNAMODB_UPDATE_ITEM, "PAYMENTS_TABLE", "checkoutId"))),
            entry(
                    "ConfirmOrderFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(DYNAMODB_TRANSACT_WRITE, "CHECKOUT_ORDERS_TABLE", "checkoutId")),
                            Optional.of("the transaction also updates the reservation and checks the payment"))),
            entry(
                    "RefundPaymentFunction",
                    calls(
                            AwsCall.of(DYNAMODB_GET_ITEM, "PAYMENTS_TABLE", "checkoutId"),
                            AwsCall.of(DYNAMODB_UPDATE_ITEM, "PAYMENTS_TABLE", "checkoutId"))),
            entry(
                    "ReleaseStockFunction",
                    calls(
                            AwsCall.of(DYNAMODB_GET_ITEM, "RESERVATIONS_TABLE", "checkoutId"),
                            AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "RESERVATIONS_TABLE", "checkoutId"))),
            // clickstream: the fixture's clicks are counted in one TransactWriteItems of these two writes' shapes.
            entry(
                    "AggregateClicksFunction",
                    new FunctionCalls(
                            List.of(
                                    AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "COUNTED_CLICKS_TABLE", "clickId"),
                                    AwsCall.of(DYNAMODB_UPDATE_ITEM, "PRODUCT_CLICKS_TABLE", "productId")),
                            Optional.of("the writes go in one TransactWriteItems, not two calls"))),
            // authorizer: the fixtures' tokens and credentials are refused after the secret (and user) is read.
            entry(
                    "AuthorizeRequestFunction",
                    calls(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, "JWT_SIGNING_SECRET_ARN"))),
            entry(
                    "IssueTokenFunction",
                    calls(
                            AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, "ADMIN_CLIENT_SECRET_ARN"),
                            AwsCall.of(DYNAMODB_GET_ITEM, USERS, "userId"))),
            entry("CreateUserFunction", calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, USERS, "userId"))),
            entry("GrantScopeFunction", calls(AwsCall.of(DYNAMODB_UPDATE_ITEM, USERS, "userId"))),
            entry("RevokeScopeFunction", calls(AwsCall.of(DYNAMODB_UPDATE_ITEM, USERS, "userId"))),
            entry("DisableUserFunction", calls(AwsCall.of(DYNAMODB_UPDATE_ITEM, USERS, "userId"))),
            // billing: insert the invoice, announce it, mark it notified.
            entry(
                    "IssueInvoiceFunction",
                    calls(
                            AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "BILLING_TABLE", "invoiceId"),
                            AwsCall.of(SNS_PUBLISH, "BILLING_NOTIFICATIONS_TOPIC"),
                            AwsCall.of(DYNAMODB_UPDATE_ITEM, "BILLING_TABLE", "invoiceId"))),
            // billing's invoice run: read the run file, start the job once, send the chunks.
            entry(
                    "SplitInvoiceRunFunction",
                    calls(
                            AwsCall.of(S3_GET_OBJECT, "INVOICE_RUN_BUCKET"),
                            AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "INVOICE_RUN_TABLE", "jobId", "item"),
                            AwsCall.of(SQS_SEND_MESSAGE, "INVOICE_RUN_CHUNK_QUEUE"))),
            // ... and each chunk: its result, counted once, the job read back.
            entry(
                    "BillInvoiceRunChunkFunction",
                    calls(
                            AwsCall.of(S3_PUT_OBJECT, "INVOICE_RUN_BUCKET"),
                            AwsCall.of(DYNAMODB_TRANSACT_WRITE, "INVOICE_RUN_TABLE", "jobId", "item"),
                            AwsCall.of(DYNAMODB_GET_ITEM, "INVOICE_RUN_TABLE", "jobId", "item"))),
            entry(
                    "RecordInvoiceFunction",
                    calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "INVOICES_TABLE", "invoiceId"))),
            entry(
                    "SendOrderConfirmationFunction",
                    calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "NOTIFICATIONS_TABLE", "orderId", "kind"))),
            entry(
                    "SendCancellationNoticeFunction",
                    calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "NOTIFICATIONS_TABLE", "orderId", "kind"))),
            // the router's fixture is an e-mail request: the e-mail task's one write.
            entry(
                    "RouteNotificationFunction",
                    calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "EMAIL_NOTIFICATIONS_TABLE", "notificationId"))),
            // orders: the fixtures' order ids are unknown, so cancel and change stop after the read (404).
            entry(
                    "PlaceOrderFunction",
                    calls(
                            AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, ORDERS, "orderId"),
                            AwsCall.of(LAMBDA_INVOKE_ASYNC, "ORDER_CONFIRMATION_FUNCTION"))),
            entry("GetOrderFunction", calls(AwsCall.of(DYNAMODB_GET_ITEM, ORDERS, "orderId"))),
            entry("ListOrdersFunction", calls(AwsCall.query(ORDERS, "byCustomer", "customerId"))),
            entry("CancelOrderFunction", calls(AwsCall.of(DYNAMODB_GET_ITEM, ORDERS, "orderId"))),
            entry("ChangeQuantityFunction", calls(AwsCall.of(DYNAMODB_GET_ITEM, ORDERS, "orderId"))),
            entry("SummarizeOrderFunction", calls(AwsCall.of(DYNAMODB_GET_ITEM, ORDERS, "orderId"))),
            // order-details: the fixture's order id is well formed, so the three callees are invoked (in parallel in
            // the
            // function, one after the other in the floor).
            entry(
                    "GetOrderDetailsFunction",
                    calls(
                            AwsCall.of(LAMBDA_INVOKE, "ORDER_SUMMARY_FUNCTION"),
                            AwsCall.of(LAMBDA_INVOKE, "CUSTOMER_PROFILE_FUNCTION"),
                            AwsCall.of(LAMBDA_INVOKE, "SHIPMENT_FUNCTION"))),
            entry("PublishOrderEventsFunction", calls(AwsCall.of(EVENTBRIDGE_PUT_EVENTS, "ORDER_EVENTS_BUS"))),
            entry(
                    "VerifyDeliveryAddressesFunction",
                    calls(AwsCall.of(
                            DYNAMODB_PUT_ITEM_IF_ABSENT,
                            "ADDRESS_VERIFICATIONS_TABLE",
                            "addressId",
                            "sequenceNumber"))),
            // shipping: the planner's fixture is a new order; the internal API's fixture order has no shipment
            // (found=false).
            entry("PlanShipmentFunction", calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "SHIPMENTS_TABLE", "orderId"))),
            entry("GetShipmentForOrderFunction", calls(AwsCall.of(DYNAMODB_GET_ITEM, "SHIPMENTS_TABLE", "orderId"))),
            // customers' internal API: one Query of the customer's partition.
            entry(
                    "GetCustomerProfileFunction",
                    calls(AwsCall.of(DYNAMODB_QUERY, "DELIVERY_ADDRESSES_TABLE", "customerId"))),
            // partners: each breaker reads its state (one GetItem, one Query of the failures index), then calls the
            // partner.
            entry(
                    "QuoteShippingRatesFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(DYNAMODB_GET_ITEM, "BREAKER_STATE_TABLE", "breaker")),
                            Optional.of(PARTNER))),
            entry(
                    "EstimateDeliveryFunction",
                    new FunctionCalls(
                            List.of(AwsCall.query("PARTNER_FAILURES_TABLE", "byTarget", "target")),
                            Optional.of(PARTNER))),
            entry(
                    "RecordPartnerFailureFunction",
                    calls(AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "PARTNER_FAILURES_TABLE", "failureId"))),
            // payment-webhooks: the database credentials come from Secrets Manager; the rest is JDBC.
            entry(
                    "VerifyWebhookSignatureFunction",
                    calls(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, "WEBHOOK_SIGNING_SECRET_ARN"))),
            entry(
                    "MigratePaymentsSchemaFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET)),
                            Optional.of(JDBC + " (Flyway), the custom resource's HTTP PUT"))),
            entry(
                    "RecordPaymentEventsFunction",
                    new FunctionCalls(
                            List.of(
                                    AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET),
                                    AwsCall.of(SQS_SEND_MESSAGE, "ACCOUNT_LEDGER_QUEUE_URL")),
                            Optional.of(JDBC))),
            entry(
                    "ApplyLedgerEntriesFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET)), Optional.of(JDBC))),
            // reporting: the database credentials come from Secrets Manager; the rest is JDBC and Redis.
            entry(
                    "MigrateReportingSchemaFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET)),
                            Optional.of(JDBC + " (Flyway), the custom resource's HTTP PUT"))),
            entry(
                    "ReplicateOrdersFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET)),
                            Optional.of(JDBC + ", Redis DEL"))),
            entry(
                    "SalesReportFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET)),
                            Optional.of("Redis MGET/SET, " + JDBC))),
            entry(
                    "CustomerOrderHistoryFunction",
                    new FunctionCalls(
                            List.of(AwsCall.of(SECRETS_MANAGER_GET_SECRET_VALUE, DATABASE_SECRET)),
                            Optional.of("Redis MGET/SET, " + JDBC))),
            // payments: register the invoice on its order, then record (or cancel) the intent.
            entry(
                    "RecordPaymentIntentFunction",
                    calls(
                            AwsCall.of(DYNAMODB_UPDATE_ITEM, "PAYMENT_ORDERS_TABLE", "orderId"),
                            AwsCall.of(DYNAMODB_PUT_ITEM_IF_ABSENT, "PAYMENT_INTENTS_TABLE", "invoiceId"))),
            entry(
                    "CancelPaymentIntentFunction",
                    calls(AwsCall.of(DYNAMODB_UPDATE_ITEM, "PAYMENT_ORDERS_TABLE", "orderId"))));

    private SdkFloorCalls() {}

    /** The function's calls; empty for a function the table does not know (its test keeps that from happening). */
    static Optional<FunctionCalls> of(String logicalId) {
        return Optional.ofNullable(BY_FUNCTION.get(logicalId));
    }

    static Set<String> functions() {
        return BY_FUNCTION.keySet();
    }

    private static FunctionCalls calls(AwsCall... calls) {
        return new FunctionCalls(List.of(calls), Optional.empty());
    }
}
