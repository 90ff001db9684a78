package dev.serverlesspatterns.billing.invoice;

import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_ID;
import static dev.serverlesspatterns.events.billing.BillingNotifications.EVENT_TYPE;
import static dev.serverlesspatterns.events.billing.BillingNotifications.INVOICE_ISSUED;

import dev.serverlesspatterns.billing.BillingProperties;
import dev.serverlesspatterns.events.billing.InvoiceIssued;
import dev.serverlesspatterns.platform.Settings;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes billing's events on its topic, in the contract of
 * {@link dev.serverlesspatterns.events.billing.BillingNotifications}: the event as the JSON body, its type and id as
 * message attributes. It knows the topic only; who subscribes, and with which filter, is the subscribers' business.
 */
@Component
class BillingNotificationsTopic {

    private final SnsClient sns;
    private final JsonMapper json;
    private final String topicArn;

    BillingNotificationsTopic(SnsClient sns, JsonMapper json, BillingProperties properties) {
        this.sns = sns;
        this.json = json;
        this.topicArn = Settings.required(
                properties.notificationsTopicArn(), "billing.notifications-topic-arn", "BILLING_NOTIFICATIONS_TOPIC");
    }

    /** Publishes the event; the same invoice always gets the same event id, however often it is published. */
    void publish(InvoiceIssued event) {
        sns.publish(publish -> publish.topicArn(topicArn)
                .message(json.writeValueAsString(event))
                .messageAttributes(Map.of(
                        EVENT_TYPE, text(INVOICE_ISSUED),
                        EVENT_ID, text(INVOICE_ISSUED + "/" + event.invoiceId()))));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
