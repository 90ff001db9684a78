package dev.serverlesspatterns.platform.messaging;

import static dev.serverlesspatterns.events.audit.OrderActivity.EVENT_TYPE;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_CANCELLED;
import static dev.serverlesspatterns.events.orders.OrderEvents.ORDER_PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.serverlesspatterns.events.Schema;
import dev.serverlesspatterns.events.orders.OrderCancelled;
import dev.serverlesspatterns.platform.contract.EventContracts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reads the messages of {@code events/sqs-order-cancelled-batch.json}, each named after what is wrong with it. */
class EventMessageReaderTest {

    private final EventMessageReader reader =
            new EventMessageReader(JsonMapper.builder().build(), new EventContracts());

    @Test
    void readsTheEventOfAMessageOfItsTypeThatKeepsTheContract() {
        // given a message typed OrderCancelled whose body follows the schema
        SQSMessage message = message("readable");

        // when
        OrderCancelled cancelled = read(message);

        // then
        assertThat(cancelled)
                .isEqualTo(new OrderCancelled(
                        "0b8f5f6e-3c1e-4f7a-9a8e-2d4c6b1a3f5e",
                        "customer-0001",
                        Instant.parse("2026-11-03T10:20:12.345Z")));
    }

    @Test
    void refusesAMessageOfAnotherType() {
        // given a message typed OrderPlaced
        SQSMessage message = message("other-type");

        // when and then
        assertThatThrownBy(() -> read(message))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessage("its eventType attribute is 'OrderPlaced', not OrderCancelled");
    }

    @Test
    void refusesAMessageWithoutTypeAttribute() {
        // given a message without an eventType attribute
        SQSMessage message = message("no-type");

        // when and then
        assertThatThrownBy(() -> read(message))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessage("its eventType attribute is missing, not OrderCancelled");
    }

    @Test
    void refusesABodyThatIsNotJson() {
        // given a message whose body is prose
        SQSMessage message = message("not-json");

        // when and then
        assertThatThrownBy(() -> read(message))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessage("its body is not JSON");
    }

    @Test
    void refusesABodyThatBreaksTheSchemaNamingEachViolation() {
        // given a message whose body has an empty orderId and no customerId
        SQSMessage message = message("breaks-schema");

        // when and then
        assertThatThrownBy(() -> read(message))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessageStartingWith("its body breaks the OrderCancelled schema: [")
                .hasMessageContaining("/orderId")
                .hasMessageContaining("customerId");
    }

    @Test
    void refusesABodyThatTheEventCannotHoldThoughTheSchemaLetsItPass() {
        // given a message whose cancelledAt is no date-time (the schema does not check formats)
        SQSMessage message = message("no-date");

        // when and then
        assertThatThrownBy(() -> read(message))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessageStartingWith("its body cannot be read as OrderCancelled: ")
                .hasMessageContaining("yesterday");
    }

    @Test
    void aConsumerOfSeveralTypesReadsTheTypeAndTheBodyApartAndNamesEveryTypeItReads() {
        // given a message typed OrderPlaced, for a consumer that reads OrderCancelled and one more type
        SQSMessage other = message("other-type");
        SQSMessage readable = message("readable");

        // when
        String type = reader.typeOf(other, EVENT_TYPE);
        UnreadableMessage refused = UnreadableMessage.unexpectedType(EVENT_TYPE, type, ORDER_CANCELLED, "OrderShipped");

        // then
        assertThat(reader.typeOf(message("no-type"), EVENT_TYPE)).isNull();
        assertThat(type).isEqualTo(ORDER_PLACED);
        assertThat(refused).hasMessage("its eventType attribute is 'OrderPlaced', not OrderCancelled or OrderShipped");
        assertThat(reader.readBody(readable, Schema.ORDER_CANCELLED, OrderCancelled.class)
                        .orderId())
                .isEqualTo("0b8f5f6e-3c1e-4f7a-9a8e-2d4c6b1a3f5e");
    }

    @Test
    void anUnreadableMessageCarriesNoStackTraceSoTheBatchLogsItsReasonAlone() {
        // when
        UnreadableMessage unreadable = new UnreadableMessage("its body is not JSON");

        // then
        assertThat(unreadable.getStackTrace()).isEmpty();
    }

    private OrderCancelled read(SQSMessage message) {
        return reader.read(message, EVENT_TYPE, ORDER_CANCELLED, Schema.ORDER_CANCELLED, OrderCancelled.class);
    }

    private static SQSMessage message(String messageId) {
        return batch().getRecords().stream()
                .filter(message -> message.getMessageId().equals(messageId))
                .findFirst()
                .orElseThrow();
    }

    private static SQSEvent batch() {
        try (InputStream in = EventMessageReaderTest.class
                .getClassLoader()
                .getResourceAsStream("events/sqs-order-cancelled-batch.json")) {
            return LambdaEventSerializers.serializerFor(SQSEvent.class, EventMessageReaderTest.class.getClassLoader())
                    .fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
