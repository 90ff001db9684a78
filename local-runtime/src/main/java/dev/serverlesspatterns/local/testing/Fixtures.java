package dev.serverlesspatterns.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test resources of a service: AWS event fixtures under {@code events/}, the real payload shapes that
 * {@code sam local invoke} takes too, read as trees a test may change before invoking. Every service read them the
 * same way; placeholders let each test put in ids of its own, because all tests of a JVM share one emulator.
 */
public final class Fixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    /** The fixture {@code events/<name>}, for example {@code users/create-user.json}. */
    public static ObjectNode event(String name) {
        return event(name, Map.of());
    }

    /** The fixture {@code events/<name>} with every placeholder (say {@code ORDER_ID}) replaced by its value. */
    public static ObjectNode event(String name, Map<String, String> placeholders) {
        String text = text("events/" + name);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace(placeholder.getKey(), placeholder.getValue());
        }
        return (ObjectNode) JSON.readTree(text);
    }

    /** A function's SnapStart priming event, {@code priming/<name>.json} in the service's main resources. */
    public static String primingEvent(String name) {
        return text("priming/" + name + ".json");
    }

    /** Any test resource on the class path as UTF-8 text, byte for byte: a request body, a key. */
    public static String text(String path) {
        try (InputStream in = classLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's class path: this class may be loaded by a parent of the loader that sees the test resources. */
    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Fixtures.class.getClassLoader();
    }
}
