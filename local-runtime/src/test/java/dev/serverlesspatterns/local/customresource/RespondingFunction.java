package dev.serverlesspatterns.local.customresource;

import dev.serverlesspatterns.local.lambda.InvocationResult;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test double of a custom resource's function: it records each request and answers the way a real one does, by
 * PUTting a response document to the request's {@code ResponseURL} over HTTP, or misbehaves as scripted.
 */
final class RespondingFunction implements LambdaInvoker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Answers nothing and returns normally, as a function that forgets to respond does. */
    static final Function<JsonNode, ObjectNode> SILENT = request -> null;

    private final Function<JsonNode, ObjectNode> respond;
    private final String functionError;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> functions = new CopyOnWriteArrayList<>();

    private RespondingFunction(Function<JsonNode, ObjectNode> respond, String functionError) {
        this.respond = respond;
        this.functionError = functionError;
    }

    /** PUTs the document {@code respond} makes of the request, then returns. */
    static RespondingFunction responding(Function<JsonNode, ObjectNode> respond) {
        return new RespondingFunction(respond, null);
    }

    /** Fails with an unhandled error before responding. */
    static RespondingFunction crashing(String errorMessage) {
        return new RespondingFunction(SILENT, errorMessage);
    }

    /** The response a well-behaved function sends: the request's ids echoed, with this status. */
    static ObjectNode echoing(JsonNode request, String status) {
        ObjectNode response = JSON.createObjectNode();
        response.put("Status", status);
        response.put("StackId", request.get("StackId").asString());
        response.put("RequestId", request.get("RequestId").asString());
        response.put("LogicalResourceId", request.get("LogicalResourceId").asString());
        return response;
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    List<String> functions() {
        return List.copyOf(functions);
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        functions.add(functionLogicalId);
        JsonNode request = JSON.readTree(event);
        requests.add(request);
        if (functionError != null) {
            return new InvocationResult(
                    ("{\"errorMessage\":\"" + functionError + "\"}").getBytes(StandardCharsets.UTF_8), "Unhandled");
        }
        ObjectNode response = respond.apply(request);
        if (response != null) {
            put(URI.create(request.get("ResponseURL").asString()), JSON.writeValueAsBytes(response));
        }
        return new InvocationResult("null".getBytes(StandardCharsets.UTF_8), null);
    }

    private static void put(URI url, byte[] document) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(url)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(document))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The response URL answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot PUT the response to " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
