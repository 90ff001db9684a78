package dev.serverlesspatterns.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Runs the batch loop over {@code events/sqs-fifo-batch.json}: a-1, b-1, a-2, b-2, a-3 of groups account-a and -b. */
@ExtendWith(OutputCaptureExtension.class)
class SqsBatchTest {

    private static final Logger log = LoggerFactory.getLogger(SqsBatchTest.class);

    private final List<String> handled = new ArrayList<>();

    @Test
    void aFailingMessageIsReportedAloneAndTheOthersAreHandled() {
        // given a handler that fails on a-2 only
        Consumer<SQSMessage> handler = failingOn(Set.of("a-2"));

        // when
        SQSBatchResponse response = SqsBatch.eachMessage(batch(), log, handler);

        // then
        assertThat(failedIds(response)).containsExactly("a-2");
        assertThat(handled).containsExactly("a-1", "b-1", "a-2", "b-2", "a-3");
    }

    @Test
    void inGroupOrderAFailureHoldsBackTheRestOfItsGroupWhileAnotherGroupCarriesOn() {
        // given a handler that fails on a-2 only
        Consumer<SQSMessage> handler = failingOn(Set.of("a-2"));

        // when
        SQSBatchResponse response = SqsBatch.eachMessageInGroupOrder(batch(), log, handler);

        // then a-3 comes back untried behind a-2, and account-b is handled in full
        assertThat(failedIds(response)).containsExactly("a-2", "a-3");
        assertThat(handled).containsExactly("a-1", "b-1", "a-2", "b-2");
    }

    @Test
    void aBatchWithoutRecordsHasNoFailures() {
        // given an event without records and one with an empty list
        SQSEvent withoutRecords = new SQSEvent();
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());

        // when and then
        assertThat(SqsBatch.eachMessage(withoutRecords, log, handled()).getBatchItemFailures())
                .isEmpty();
        assertThat(SqsBatch.eachMessage(empty, log, handled()).getBatchItemFailures())
                .isEmpty();
        assertThat(SqsBatch.eachMessageInGroupOrder(withoutRecords, log, handled())
                        .getBatchItemFailures())
                .isEmpty();
        assertThat(SqsBatch.eachMessageInGroupOrder(empty, log, handled()).getBatchItemFailures())
                .isEmpty();
        assertThat(handled).isEmpty();
    }

    @Test
    void aFailureWithoutAStackTraceIsLoggedAsItsReasonAndAnyOtherWithItsStackTrace(CapturedOutput output) {
        // given a handler that finds a-1 unreadable and b-1 unstorable
        Consumer<SQSMessage> handler = message -> {
            switch (message.getMessageId()) {
                case "a-1" -> throw new Unreadable("its body is not an order");
                case "b-1" ->
                    throw new UncheckedIOException("store unavailable", new ConnectException("Connection refused"));
                default -> handled.add(message.getMessageId());
            }
        };

        // when
        SqsBatch.eachMessage(batch(), log, handler);

        // then
        assertThat(output.getOut())
                .contains("Message a-1 failed and returns to the queue: Unreadable: its body is not an order")
                .contains("Message b-1 failed and returns to the queue: UncheckedIOException: store unavailable")
                .contains("Caused by: java.net.ConnectException: Connection refused")
                .doesNotContain("SqsBatchTest$Unreadable");
    }

    @Test
    void inGroupOrderTheFailureNamesItsGroupAndTheMessagesHeldBackSayWhy(CapturedOutput output) {
        // given a handler that finds b-1 unreadable
        Consumer<SQSMessage> handler = message -> {
            if (message.getMessageId().equals("b-1")) {
                throw new Unreadable("it carries an entry of another account");
            }
        };

        // when
        SqsBatch.eachMessageInGroupOrder(batch(), log, handler);

        // then
        assertThat(output.getOut())
                .contains("Message b-1 of group account-b failed and returns to the queue, and its group's later"
                        + " messages with it: Unreadable: it carries an entry of another account")
                .contains("Message b-2 of group account-b returns to the queue untried, behind an earlier failure of"
                        + " its group");
    }

    /** Like the services' unreadable messages: every receive fails it the same way, so it carries no stack trace. */
    private static final class Unreadable extends RuntimeException {

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private Consumer<SQSMessage> failingOn(Set<String> messageIds) {
        return message -> {
            handled.add(message.getMessageId());
            if (messageIds.contains(message.getMessageId())) {
                throw new IllegalStateException("test: " + message.getMessageId() + " fails");
            }
        };
    }

    private Consumer<SQSMessage> handled() {
        return message -> handled.add(message.getMessageId());
    }

    private static SQSEvent batch() {
        try (InputStream in = SqsBatchTest.class.getClassLoader().getResourceAsStream("events/sqs-fifo-batch.json")) {
            return LambdaEventSerializers.serializerFor(SQSEvent.class, SqsBatchTest.class.getClassLoader())
                    .fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream()
                .map(BatchItemFailure::getItemIdentifier)
                .toList();
    }
}
