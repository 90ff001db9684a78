package dev.serverlesspatterns.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the customers service, fed from the template's environment variables.
 *
 * @param verificationsTableName the address verifications table, from the template's
 *     {@code ADDRESS_VERIFICATIONS_TABLE}
 * @param deliveryAddressesTableName the delivery addresses table the shop API writes, from the template's
 *     {@code DELIVERY_ADDRESSES_TABLE}
 */
@ConfigurationProperties("customers")
public record CustomersProperties(String verificationsTableName, String deliveryAddressesTableName) {}
