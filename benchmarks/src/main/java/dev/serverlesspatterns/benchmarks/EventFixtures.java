package dev.serverlesspatterns.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event a function is benchmarked with: the service's own test fixture, named after the function bean,
 * {@code services/<service>/src/test/resources/events/<kebab-case definition>.json}
 * ({@code placeOrder} -> {@code place-order.json}). A service that groups its fixtures by feature keeps them
 * one folder deeper ({@code events/users/create-user.json}); those are found too.
 */
final class EventFixtures {

    private EventFixtures() {}

    /** {@code placeOrder} -> {@code place-order}; runs of capitals stay one word ({@code getHTTPStatus} -> {@code get-http-status}). */
    static String kebabCase(String functionDefinition) {
        return functionDefinition
                .strip()
                .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .replaceAll("[\\s_]+", "-")
                .toLowerCase(Locale.ROOT);
    }

    static String fileName(String functionDefinition) {
        return kebabCase(functionDefinition) + ".json";
    }

    /** A service's fixture folder, from its Lambda artifact ({@code services/orders/target/orders-aws.jar}). */
    static Path eventsDirectoryOf(Path codeUri) {
        Path buildDirectory = codeUri.toAbsolutePath().getParent();
        return buildDirectory.getParent().resolve("src/test/resources/events");
    }

    /** The fixture itself, or empty when the service has none for this function. */
    static Optional<Path> locate(Path eventsDirectory, String functionDefinition) {
        String fileName = fileName(functionDefinition);
        Path direct = eventsDirectory.resolve(fileName);
        if (Files.isRegularFile(direct)) {
            return Optional.of(direct);
        }
        if (!Files.isDirectory(eventsDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> groups = Files.list(eventsDirectory)) {
            return groups.filter(Files::isDirectory)
                    .sorted()
                    .map(group -> group.resolve(fileName))
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + eventsDirectory, e);
        }
    }
}
