package dev.serverlesspatterns.notifications.cancellation;

import static dev.serverlesspatterns.events.audit.OrderActivity.EVENT_TYPE;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_CANCELLED;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderCancelled;
import dev.serverlesspatterns.platform.messaging.EventMessageReader;
import dev.serverlesspatterns.platform.messaging.SqsBatch;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the cancellation notice of every {@code OrderCancelled} in a batch from the notifications order-activity queue
 * (the audit service's Distributed Trigger). SQS delivers at least once, so the send is recorded with a write that
 * only creates: the first delivery sends, every later one finds the record and succeeds without sending again. A
 * message that cannot be read or recorded is reported as a batch item failure, so only it returns to the queue and,
 * after {@code maxReceiveCount} receives, goes to the DLQ with its body unchanged.
 */
@Component("sendCancellationNotice")
class SendCancellationNotice implements Function<SQSEvent, SQSBatchResponse> {

    private static final Logger log = LoggerFactory.getLogger(SendCancellationNotice.class);

    private final EventMessageReader reader;
    private final CancellationNoticeTable notices;
    private final Clock clock;

    SendCancellationNotice(EventMessageReader reader, CancellationNoticeTable notices, Clock clock) {
        this.reader = reader;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        return SqsBatch.eachMessage(event, log, this::send);
    }

    private void send(SQSMessage message) {
        OrderCancelled cancelled =
                reader.read(message, EVENT_TYPE, ORDER_CANCELLED, Schema.ORDER_CANCELLED, OrderCancelled.class);
        CancellationNotice notice = CancellationNotice.byEmail(cancelled, clock.instant());
        if (notices.recordOnce(notice)) {
            log.info(
                    "Sent the cancellation notice of order {} to {} by {}",
                    notice.orderId(),
                    notice.recipient(),
                    notice.channel());
        } else {
            log.info("The cancellation notice of order {} was sent before; nothing changes", notice.orderId());
        }
    }
}
