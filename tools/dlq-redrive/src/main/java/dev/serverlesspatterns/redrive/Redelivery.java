package dev.serverlesspatterns.redrive;

import java.util.Optional;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** How a dead letter is sent to the target queue: the same body and attributes, in the same FIFO group. */
final class Redelivery {

    private final String targetUrl;
    private final boolean fifoTarget;
    private final boolean payloadOnly;

    Redelivery(String targetUrl, boolean payloadOnly) {
        this.targetUrl = targetUrl;
        // SQS requires the .fifo suffix on exactly the FIFO queues.
        this.fifoTarget = targetUrl.endsWith(".fifo");
        this.payloadOnly = payloadOnly;
    }

    /** The send that re-delivers the letter; empty when payload-only finds no Lambda record to take it from. */
    Optional<SendMessageRequest> of(DeadLetter letter) {
        Optional<String> body =
                payloadOnly ? letter.lambdaFailure().map(LambdaFailure::requestPayload) : Optional.of(letter.body());
        return body.map(text -> {
            SendMessageRequest.Builder send = SendMessageRequest.builder()
                    .queueUrl(targetUrl)
                    .messageBody(text)
                    .messageAttributes(letter.messageAttributes());
            if (fifoTarget) {
                // The id is derived from the dead letter's, so a send repeated by a re-run after a crash (the
                // letter was sent but not yet deleted) is dropped by SQS as a duplicate within its 5-minute
                // deduplication interval. A letter from a standard queue had no order to keep: its own group.
                send.messageGroupId(letter.groupId().orElse(letter.messageId()))
                        .messageDeduplicationId(deduplicationId(letter));
            }
            return send.build();
        });
    }

    private static String deduplicationId(DeadLetter letter) {
        return "redrive-" + letter.messageId();
    }
}
