package dev.serverlesspatterns.shipping;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tableName the shipments table, from the template's {@code SHIPMENTS_TABLE}
 * @param dispatchWithin how long after its order a parcel leaves the warehouse at the latest
 */
@ConfigurationProperties("shipping")
public record ShippingProperties(
        String tableName, @DefaultValue("P2D") Period dispatchWithin) {}
