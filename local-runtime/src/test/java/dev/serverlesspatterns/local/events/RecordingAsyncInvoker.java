package dev.serverlesspatterns.local.events;

import dev.serverlesspatterns.local.lambda.AsyncInvoker;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stands in for Lambda's asynchronous invoke: accepts every event and records it. */
final class RecordingAsyncInvoker implements AsyncInvoker {

    record AcceptedEvent(String functionLogicalId, JsonNode event) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<AcceptedEvent> accepted = new CopyOnWriteArrayList<>();

    @Override
    public String invokeAsync(String functionLogicalId, byte[] event) {
        accepted.add(new AcceptedEvent(functionLogicalId, JSON.readTree(event)));
        return UUID.randomUUID().toString();
    }

    List<AcceptedEvent> accepted() {
        return List.copyOf(accepted);
    }

    List<JsonNode> eventsFor(String functionLogicalId) {
        return accepted.stream()
                .filter(event -> event.functionLogicalId().equals(functionLogicalId))
                .map(AcceptedEvent::event)
                .toList();
    }
}
