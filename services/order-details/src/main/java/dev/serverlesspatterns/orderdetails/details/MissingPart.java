package dev.serverlesspatterns.orderdetails.details;

/**
 * A part the answer does without, and why.
 *
 * @param part {@code customer} or {@code shipment}
 * @param code the internal API's stable code: {@code CALLEE_FAILED}, {@code CALLEE_TIMED_OUT},
 *     {@code CALLEE_THROTTLED} or {@code CALLEE_UNAVAILABLE}
 * @param reason for people; nothing of the callee's own error
 */
record MissingPart(String part, String code, String reason) {}
