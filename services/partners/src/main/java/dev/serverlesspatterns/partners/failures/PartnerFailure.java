package dev.serverlesspatterns.partners.failures;

/**
 * One failed partner call, one item of the failures table.
 *
 * @param failureId the id of the EventBridge event that reported it (the partition key: a redelivery writes nothing)
 * @param target the partner API that failed (the index's partition key)
 * @param failedAt when it failed, ISO-8601
 * @param expiresAt when it stops counting, epoch seconds (the table's TTL attribute and the index's sort key)
 * @param reason what failed, for people
 */
record PartnerFailure(String failureId, String target, String failedAt, long expiresAt, String reason) {}
