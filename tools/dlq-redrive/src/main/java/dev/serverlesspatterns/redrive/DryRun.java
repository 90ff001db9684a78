package dev.serverlesspatterns.redrive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows what a re-drive would move and leaves the dead-letter queue as it was. SQS cannot show a message
 * without receiving it, so each is received (which adds one to its receive count) and made visible again at
 * the end. On a FIFO queue it shows at most the first batch of each message group: SQS holds back a group's
 * later messages while earlier ones are received.
 */
final class DryRun {

    private static final Logger log = LoggerFactory.getLogger(DryRun.class);
    private static final int PREVIEW_LENGTH = 200;

    private final DeadLetterQueue deadLetters;

    DryRun(DeadLetterQueue deadLetters) {
        this.deadLetters = deadLetters;
    }

    RedriveResult list(Optional<String> targetUrl, RedriveRequest request) {
        List<DeadLetter> received = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        try {
            while (shown.size() < request.maxMessages()) {
                List<DeadLetter> batch = deadLetters.receive(request.maxMessages() - shown.size());
                received.addAll(batch);
                // A standard queue may deliver a message twice; a batch of repeats means nothing new is left.
                List<DeadLetter> unseen = batch.stream()
                        .filter(letter -> shown.add(letter.messageId()))
                        .toList();
                if (unseen.isEmpty()) {
                    break;
                }
                unseen.forEach(DryRun::show);
            }
        } finally {
            deadLetters.release(received);
        }
        return new RedriveResult(deadLetters.url(), targetUrl, 0, shown.size(), 0, Optional.empty());
    }

    private static void show(DeadLetter letter) {
        log.info(
                "{}  received {}x  sent {}{}  {}",
                letter.messageId(),
                letter.receiveCount(),
                letter.sentAt(),
                letter.groupId().map(group -> "  group " + group).orElse(""),
                preview(letter.body()));
        letter.lambdaFailure()
                .ifPresent(failure -> log.info(
                        "    Lambda on-failure record: {} gave up ({} after {} attempts)",
                        failure.functionArn(),
                        failure.condition(),
                        failure.approximateInvokeCount()));
    }

    private static String preview(String body) {
        String oneLine = body.replaceAll("\\s*\\R\\s*", " ");
        return oneLine.codePointCount(0, oneLine.length()) <= PREVIEW_LENGTH
                ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, PREVIEW_LENGTH)) + "...";
    }
}
