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
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
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
        sns.publish(request(event).build());
    }

    /**
     * The publish of the event with a message structure SNS does not know (SnapStart priming): SNS refuses it as an
     * invalid parameter and delivers nothing.
     *
     * @throws IllegalStateException when SNS took it after all
     */
    void publishRefused(InvoiceIssued event) {
        try {
            sns.publish(request(event).messageStructure("snapstart-priming").build());
        } catch (InvalidParameterException refused) {
            return;
        }
        throw new IllegalStateException("The billing topic took a message of an unknown structure");
    }

    private PublishRequest.Builder request(InvoiceIssued event) {
        return PublishRequest.builder()
                .topicArn(topicArn)
                .message(json.writeValueAsString(event))
                .messageAttributes(Map.of(
                        EVENT_TYPE, text(INVOICE_ISSUED),
                        EVENT_ID, text(INVOICE_ISSUED + "/" + event.invoiceId())));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
