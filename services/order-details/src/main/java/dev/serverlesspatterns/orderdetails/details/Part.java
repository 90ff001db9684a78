package dev.serverlesspatterns.orderdetails.details;

/** The parts of an order's details, each from its own service; only the order is required (see the README). */
enum Part {
    ORDER("order"),
    CUSTOMER("customer"),
    SHIPMENT("shipment");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    /** The part's name in the answer's {@code missing} list. */
    String label() {
        return label;
    }
}
