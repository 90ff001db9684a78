package dev.serverlesspatterns.partners.failures;

import dev.serverlesspatterns.partners.PartnersProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The EventBridge Circuit Breaker's recorder: a {@code PartnerCallFailed} from the partner-events bus is stored once
 * (the event id is the key) with {@code expiresAt} = failure time + window. The rule invokes asynchronously, so a throw
 * here is retried per the function's {@code EventInvokeConfig} and then sent, with the event, to the on-failure queue;
 * an event that is not a partner failure is thrown out the same way rather than stored.
 */
@Component("recordPartnerFailure")
class RecordPartnerFailure implements Consumer<PartnerFailureEvent> {

    private static final Logger log = LoggerFactory.getLogger(RecordPartnerFailure.class);

    private final PartnerFailuresTable failures;
    private final Duration window;

    RecordPartnerFailure(PartnerFailuresTable failures, PartnersProperties properties) {
        this.failures = failures;
        this.window = properties.failures().window();
    }

    @Override
    public void accept(PartnerFailureEvent event) {
        PartnerFailure failure = failureOf(event);
        if (failures.record(failure)) {
            log.info("Recorded failure {} of {} until {}", failure.failureId(), failure.target(), failure.expiresAt());
        } else {
            log.info("Failure {} of {} was recorded already", failure.failureId(), failure.target());
        }
    }

    PartnerFailure failureOf(PartnerFailureEvent event) {
        PartnerFailureEvent.Detail detail = event.detail();
        if (!PartnerEventsBus.SOURCE.equals(event.source())
                || !PartnerEventsBus.PARTNER_CALL_FAILED.equals(event.detailType())
                || detail == null
                || detail.target() == null
                || detail.target().isBlank()
                || event.id() == null) {
            throw new IllegalArgumentException("Event " + event.id() + " is no partner failure: source "
                    + event.source() + ", detail type " + event.detailType());
        }
        Instant failedAt;
        try {
            failedAt = Instant.parse(String.valueOf(detail.failedAt()));
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + " has no ISO-8601 failedAt: " + detail.failedAt(), unreadable);
        }
        return new PartnerFailure(
                event.id(),
                detail.target(),
                failedAt.toString(),
                failedAt.plus(window).getEpochSecond(),
                String.valueOf(detail.reason()));
    }
}
