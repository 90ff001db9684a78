package dev.serverlesspatterns.paymentwebhooks;

import dev.serverlesspatterns.platform.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment-webhooks service, fed from the template's environment variables. Each function is given
 * only the variables it needs, so a value may be empty here; the bean that needs it checks it with {@link Settings#required}
 * and fails at its first use with the variable's name. The database URL comes from Spring's own
 * {@code SPRING_DATASOURCE_URL}; its user and password from the secret {@code DATABASE_SECRET_ARN} names.
 *
 * @param signingSecretArn secret holding the HMAC key shared with the payment provider
 *     ({@code WEBHOOK_SIGNING_SECRET_ARN})
 * @param ledgerQueueUrl the FIFO queue of ledger entries ({@code ACCOUNT_LEDGER_QUEUE_URL})
 * @param databaseSecretArn secret holding the database's {@code username} and {@code password}
 *     ({@code DATABASE_SECRET_ARN})
 * @param signatureTolerance how far a webhook's timestamp may be from now, either way
 */
@ConfigurationProperties("payment-webhooks")
public record PaymentWebhooksProperties(
        String signingSecretArn,
        String ledgerQueueUrl,
        String databaseSecretArn,
        @DefaultValue("5m") Duration signatureTolerance) {}
