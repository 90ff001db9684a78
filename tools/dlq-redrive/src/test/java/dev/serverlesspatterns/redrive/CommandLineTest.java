package dev.serverlesspatterns.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The arguments of {@code redrive-dlq}. */
class CommandLineTest {

    @Test
    void readsEveryOption() {
        // when a full command line is parsed
        CommandLine line = CommandLine.parse(
                "ConfirmationFailuresQueue",
                "--stack",
                "suite",
                "--target",
                "ConfirmationQueue",
                "--max",
                "12",
                "--dry-run",
                "--payload-only");

        // then every option is taken
        assertThat(line)
                .isEqualTo(new CommandLine(
                        "ConfirmationFailuresQueue",
                        Optional.of("suite"),
                        Optional.of("ConfirmationQueue"),
                        12,
                        true,
                        true,
                        false));
    }

    @Test
    void movesEverythingByDefault() {
        // when only a queue URL is given
        CommandLine line = CommandLine.parse("http://127.0.0.1:5000/000000000000/suite-OrdersDeadLetterQueue");

        // then every message moves, to the source queue
        assertThat(line.maxMessages()).isEqualTo(RedriveRequest.UNLIMITED);
        assertThat(line.target()).isEmpty();
        assertThat(line.dryRun()).isFalse();
    }

    @Test
    void refusesWhatCannotBeMeant() {
        // when the command line is incomplete or contradicts itself
        // then it is refused, saying why
        assertThatThrownBy(() -> CommandLine.parse("--dry-run")).hasMessageContaining("Which dead-letter queue");
        assertThatThrownBy(() -> CommandLine.parse("OrdersDeadLetterQueue")).hasMessageContaining("--stack");
        assertThatThrownBy(() -> CommandLine.parse("https://sqs/1/dlq", "--target", "OrdersQueue"))
                .hasMessageContaining("--stack");
        assertThatThrownBy(() -> CommandLine.parse("https://sqs/1/dlq", "--max", "0"))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> CommandLine.parse("https://sqs/1/dlq", "--max"))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> CommandLine.parse("https://sqs/1/a", "https://sqs/1/b"))
                .hasMessageContaining("One dead-letter queue at a time");
        assertThatThrownBy(() -> CommandLine.parse("https://sqs/1/dlq", "--force"))
                .hasMessageContaining("--force");
    }
}
