package dev.serverlesspatterns.redrive;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A message as received from the dead-letter queue, with what a re-drive keeps and what a dry run shows.
 *
 * @param receiveCount SQS's ApproximateReceiveCount, this receive included
 * @param groupId the FIFO message group; empty on standard queues
 */
record DeadLetter(
        String messageId,
        String receiptHandle,
        String body,
        Map<String, MessageAttributeValue> messageAttributes,
        int receiveCount,
        Instant sentAt,
        Optional<String> groupId) {

    static DeadLetter of(Message message) {
        Map<MessageSystemAttributeName, String> system = message.attributes();
        return new DeadLetter(
                message.messageId(),
                message.receiptHandle(),
                message.body(),
                message.messageAttributes(),
                Integer.parseInt(system.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
                Instant.ofEpochMilli(
                        Long.parseLong(system.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0"))),
                Optional.ofNullable(system.get(MessageSystemAttributeName.MESSAGE_GROUP_ID)));
    }

    Optional<LambdaFailure> lambdaFailure() {
        return LambdaFailure.in(body);
    }
}
