package dev.serverlesspatterns.customers.verification;

/** What verifying an address concluded. */
enum Verdict {
    /** The postcode has the format of the country's postcodes. */
    VERIFIED,
    /** The postcode does not have the format of the country's postcodes. */
    POSTCODE_MISMATCH,
    /** A country the shop does not deliver to. */
    UNSUPPORTED_COUNTRY
}
