package dev.serverlesspatterns.local.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events as Lambda delivers them on AWS, under src/test/resources/events/. */
final class EventFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventFixtures() {}

    static JsonNode read(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
