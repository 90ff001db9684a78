package dev.serverlesspatterns.orders.order;

/** Logical ids of the orders functions in infra/template.yaml. */
final class LambdaFunctions {

    static final String PLACE_ORDER = "PlaceOrderFunction";
    static final String GET_ORDER = "GetOrderFunction";
    static final String LIST_ORDERS = "ListOrdersFunction";
    static final String CANCEL_ORDER = "CancelOrderFunction";
    static final String CHANGE_QUANTITY = "ChangeQuantityFunction";
    static final String SUMMARIZE_ORDER = "SummarizeOrderFunction";

    private LambdaFunctions() {}
}
