package dev.serverlesspatterns.local.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A service as the local runtime runs one: a Boot app on the platform, started from its {@code main} in a JVM of
 * its own. Its functions tell which JVM answered and do work that takes a given time, leaving files behind to
 * show how far they got.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WorkingService {

    public static void main(String[] args) {
        SpringApplication.run(WorkingService.class, args);
    }

    /** The identity the launcher gave this service, and the process that answered. */
    @Bean
    Function<Map<String, Object>, Map<String, Object>> whoAmI(Environment environment) {
        return event -> Map.of(
                "identity",
                environment.getProperty("SERVICE_IDENTITY", ""),
                "pid",
                ProcessHandle.current().pid());
    }

    /** Writes {@code startedFile}, works for {@code millis}, then writes {@code finishedFile}. */
    @Bean
    Function<Map<String, Object>, Map<String, Object>> work() {
        return event -> {
            touch(event.get("startedFile"));
            try {
                Thread.sleep(((Number) event.get("millis")).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted at work", e);
            }
            touch(event.get("finishedFile"));
            return Map.of("finished", true);
        };
    }

    private static void touch(Object file) {
        try {
            Files.writeString(Path.of(String.valueOf(file)), "done");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
