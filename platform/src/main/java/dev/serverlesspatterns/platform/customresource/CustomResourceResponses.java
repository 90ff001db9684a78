package dev.serverlesspatterns.platform.customresource;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells CloudFormation how a custom resource request ended: an HTTP PUT of the response document to the event's
 * {@code ResponseURL} (a pre-signed S3 URL on AWS; the local runtime serves one on loopback). Until it arrives the
 * stack waits, for up to an hour, so every path of a custom resource function must end here.
 */
public final class CustomResourceResponses {

    /** CloudFormation refuses a response document over 4096 bytes; the reason is what gets cut. */
    private static final int MAXIMUM_REASON_LENGTH = 1000;

    private final JsonMapper json;
    private final HttpClient http;

    public CustomResourceResponses(JsonMapper json) {
        this.json = json;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The result of a request.
     *
     * @param data what {@code Fn::GetAtt} on the custom resource returns
     */
    public record Outcome(String status, String reason, String physicalResourceId, Map<String, String> data) {

        public static Outcome success(String physicalResourceId, Map<String, String> data) {
            return new Outcome("SUCCESS", "Done", physicalResourceId, data);
        }

        public static Outcome failed(String physicalResourceId, Exception failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            return new Outcome(
                    "FAILED",
                    reason.length() > MAXIMUM_REASON_LENGTH ? reason.substring(0, MAXIMUM_REASON_LENGTH) : reason,
                    physicalResourceId,
                    Map.of());
        }
    }

    /**
     * @throws IllegalStateException when the response could not be delivered: the invocation then fails, and Lambda's
     *     retries of CloudFormation's asynchronous call try again
     */
    public void send(CloudFormationCustomResourceEvent event, Outcome outcome) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Status", outcome.status());
        document.put("Reason", outcome.reason());
        document.put("PhysicalResourceId", outcome.physicalResourceId());
        document.put("StackId", event.getStackId());
        document.put("RequestId", event.getRequestId());
        document.put("LogicalResourceId", event.getLogicalResourceId());
        if (!outcome.data().isEmpty()) {
            document.put("Data", outcome.data());
        }
        // No Content-Type: the pre-signed URL is signed without one, and S3 refuses a request that adds it.
        HttpRequest request = HttpRequest.newBuilder(URI.create(event.getResponseUrl()))
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(document)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("CloudFormation's response URL answered " + response.statusCode()
                        + " to the " + outcome.status() + " response: " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot send the " + outcome.status() + " response to CloudFormation", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the response to CloudFormation", e);
        }
    }
}
