package dev.serverlesspatterns.customers.verification;

import java.time.Instant;

/**
 * The verification of one version of an address: the stream record's sequence number tells the versions apart, so a
 * redelivered record finds its verification already written.
 */
record AddressVerification(
        String addressId,
        String sequenceNumber,
        String customerId,
        String country,
        String postcode,
        Verdict verdict,
        Instant verifiedAt) {}
