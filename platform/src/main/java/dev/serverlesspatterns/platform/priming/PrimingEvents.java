package dev.serverlesspatterns.platform.priming;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The priming event of a function: {@code priming/<definition-in-kebab-case>.json} on the service's class path
 * ({@code placeOrder} is primed with {@code priming/place-order.json}), the naming the test fixtures and the benchmark
 * use.
 */
final class PrimingEvents {

    private final ResourceLoader resources;

    PrimingEvents(ResourceLoader resources) {
        this.resources = resources;
    }

    static String location(String definition) {
        return "classpath:priming/" + kebabCase(definition) + ".json";
    }

    static String kebabCase(String definition) {
        return definition.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    Optional<byte[]> of(String definition) throws IOException {
        Resource event = resources.getResource(location(definition));
        if (!event.exists()) {
            return Optional.empty();
        }
        try (InputStream content = event.getInputStream()) {
            return Optional.of(content.readAllBytes());
        }
    }
}
