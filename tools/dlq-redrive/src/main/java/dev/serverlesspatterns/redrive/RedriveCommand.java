package dev.serverlesspatterns.redrive;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code redrive-dlq}: re-drives one dead-letter queue and says what went where. Usage: {@link CommandLine#USAGE}. */
public final class RedriveCommand {

    // Not static: main chooses the logging configuration before the first logger exists.
    private final Logger log = LoggerFactory.getLogger(RedriveCommand.class);
    private final SqsClient sqs;

    RedriveCommand(SqsClient sqs) {
        this.sqs = sqs;
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "dlq-redrive-logback.xml");
        // Endpoint, region and credentials come from the SDK's environment, as for any AWS tool.
        System.exit(execute(
                args,
                () -> SqsClient.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build()));
    }

    /** Runs the command line with a client from {@code clients}; returns the exit status. */
    static int execute(String[] args, Supplier<SqsClient> clients) {
        Logger log = LoggerFactory.getLogger(RedriveCommand.class);
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException wrongUsage) {
            log.error("{}\n\n{}", wrongUsage.getMessage(), CommandLine.USAGE);
            return 2;
        }
        if (commandLine.help()) {
            log.info(CommandLine.USAGE);
            return 0;
        }
        try (SqsClient sqs = clients.get()) {
            return new RedriveCommand(sqs).run(commandLine);
        } catch (RedriveException | SdkException failure) {
            log.error(failure.getMessage());
            return 1;
        }
    }

    int run(CommandLine commandLine) {
        QueueLocator queues = new QueueLocator(sqs, commandLine.stack());
        RedriveRequest request = new RedriveRequest(
                queues.url(commandLine.deadLetterQueue()),
                commandLine.target().map(queues::url),
                commandLine.maxMessages(),
                commandLine.dryRun(),
                commandLine.payloadOnly());
        RedriveResult result = new DlqRedrive(sqs, DlqRedrive.DEFAULT_VISIBILITY_TIMEOUT).redrive(request);
        report(result, request);
        return result.succeeded() ? 0 : 1;
    }

    private void report(RedriveResult result, RedriveRequest request) {
        String from = result.deadLetterQueueUrl();
        if (request.dryRun()) {
            log.info(
                    "Dry run: {} in {}; {}. Nothing was changed.",
                    messages(result.listed()),
                    from,
                    result.targetQueueUrl()
                            .map(target -> "a re-drive sends them" + (request.payloadOnly() ? "' requestPayload" : "")
                                    + " to " + target)
                            .orElse("no single queue has it as dead-letter queue, so a re-drive needs --target"));
            return;
        }
        String to = result.targetQueueUrl().orElseThrow();
        if (result.succeeded()) {
            log.info("Moved {} from {} to {}.", messages(result.moved()), from, to);
            return;
        }
        log.error(
                "Stopped after moving {} from {} to {}: {}",
                messages(result.moved()),
                from,
                to,
                result.failure().orElseThrow());
        if (result.inBothQueues() > 0) {
            log.error(
                    "{} sent but still in the dead-letter queue too: a re-run sends them again"
                            + " (a FIFO target drops that copy within 5 minutes of the first send).",
                    messages(result.inBothQueues()));
        }
        log.error("Every message not moved is still in the dead-letter queue: run again to continue.");
    }

    private static String messages(int count) {
        return count + (count == 1 ? " message" : " messages");
    }
}
