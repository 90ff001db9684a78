package dev.serverlesspatterns.local.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code AWS::Serverless::Function} with Globals applied. */
public final class FunctionDefinition {

    public static final String TYPE = "AWS::Serverless::Function";
    static final String DEFINITION_VARIABLE = "SPRING_CLOUD_FUNCTION_DEFINITION";

    private final TemplateResource resource;
    private final Path templateDirectory;

    FunctionDefinition(TemplateResource resource, Path templateDirectory) {
        this.resource = resource;
        this.templateDirectory = templateDirectory;
    }

    public String logicalId() {
        return resource.logicalId();
    }

    /** The Lambda artifact the template deploys, resolved against the template's folder like SAM does. */
    public Path codeUri() {
        return templateDirectory
                .resolve(String.valueOf(resource.properties().get("CodeUri")))
                .normalize();
    }

    public String handler() {
        return String.valueOf(resource.properties().get("Handler"));
    }

    public int timeoutSeconds() {
        Object timeout = resource.properties().get("Timeout");
        return timeout == null ? 3 : Integer.parseInt(String.valueOf(timeout));
    }

    /** Environment variables with intrinsics resolved against the running stack. */
    public Map<String, String> environment(Intrinsics intrinsics) {
        Map<String, String> environment = new LinkedHashMap<>();
        resource.section("Environment").entrySet().stream()
                .filter(entry -> entry.getKey().equals("Variables"))
                .flatMap(entry -> SamTemplate.asMap(entry.getValue()).entrySet().stream())
                .forEach(variable -> environment.put(variable.getKey(), intrinsics.resolveString(variable.getValue())));
        return environment;
    }

    /** The Spring Cloud Function bean this Lambda function runs. */
    public String functionDefinition(Intrinsics intrinsics) {
        String definition = environment(intrinsics).get(DEFINITION_VARIABLE);
        if (definition == null) {
            throw new IllegalStateException(logicalId() + " sets no " + DEFINITION_VARIABLE + " in its environment");
        }
        return definition;
    }

    public List<ApiEvent> apiEvents() {
        return resource.section("Events").entrySet().stream()
                .filter(event ->
                        "Api".equals(SamTemplate.asMap(event.getValue()).get("Type")))
                .map(event -> ApiEvent.of(
                        logicalId(),
                        event.getKey(),
                        SamTemplate.section(SamTemplate.asMap(event.getValue()), "Properties")))
                .toList();
    }

    /** An {@code Api} event: the route that invokes this function. */
    public record ApiEvent(
            String functionLogicalId, String name, String restApiId, String method, String path, String authorizer) {

        static ApiEvent of(String functionLogicalId, String name, Map<String, Object> properties) {
            Object restApi = properties.get("RestApiId");
            String restApiId =
                    restApi instanceof Map<?, ?> ref ? String.valueOf(ref.get("Ref")) : String.valueOf(restApi);
            Object authorizer = SamTemplate.section(properties, "Auth").get("Authorizer");
            return new ApiEvent(
                    functionLogicalId,
                    name,
                    restApiId,
                    String.valueOf(properties.get("Method")).toUpperCase(),
                    String.valueOf(properties.get("Path")),
                    authorizer == null ? null : String.valueOf(authorizer));
        }
    }
}
