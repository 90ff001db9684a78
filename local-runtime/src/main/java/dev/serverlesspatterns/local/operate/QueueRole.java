package dev.serverlesspatterns.local.operate;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a queue belongs to a service; reports list a service's queues in this order. */
public enum QueueRole {
    /** A function of the service consumes it through an SQS event source mapping. */
    SOURCE("source"),
    /** Subscribed to a topic but read by no function, such as an audit trail kept for people. */
    UNCONSUMED("unconsumed"),
    /** The redrive target of one of the service's queues: messages its consumer gave up on. */
    DEAD_LETTER("dead-letter"),
    /** Where Lambda or EventBridge puts events a function of the service failed to process. */
    ON_FAILURE("on-failure");

    private final String json;

    QueueRole(String json) {
        this.json = json;
    }

    @JsonValue
    @Override
    public String toString() {
        return json;
    }
}
