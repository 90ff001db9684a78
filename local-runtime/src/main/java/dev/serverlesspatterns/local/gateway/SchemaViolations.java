package dev.serverlesspatterns.local.gateway;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code $context.error.validationErrorString}: schema violations worded the way API Gateway's validator words them,
 * such as {@code [object has missing required properties (["amount"])]}. The wording follows the library API Gateway
 * reports with (java-json-tools); the local messages come from the networknt validator, so rare keywords may differ.
 */
final class SchemaViolations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SchemaViolations() {}

    static String describe(List<Error> violations) {
        // API Gateway reports all missing (or unexpected) properties of one object in one message.
        Map<String, TreeSet<String>> grouped = new LinkedHashMap<>();
        List<Supplier<String>> messages = new ArrayList<>();
        for (Error violation : violations) {
            String keyword = violation.getKeyword();
            if (keyword.equals("required") || keyword.equals("additionalProperties")) {
                TreeSet<String> properties = grouped.get(keyword + " " + violation.getInstanceLocation());
                if (properties == null) {
                    TreeSet<String> group = new TreeSet<>();
                    grouped.put(keyword + " " + violation.getInstanceLocation(), group);
                    messages.add(() -> grouped(keyword, group));
                    properties = group;
                }
                properties.add(violation.getProperty());
            } else {
                messages.add(() -> message(violation));
            }
        }
        return "[" + String.join(", ", messages.stream().map(Supplier::get).toList()) + "]";
    }

    private static String grouped(String keyword, TreeSet<String> properties) {
        ArrayNode names = JSON.createArrayNode();
        properties.forEach(names::add);
        return keyword.equals("required")
                ? "object has missing required properties (" + names + ")"
                : "object instance has properties which are not allowed by the schema: " + names;
    }

    private static String message(Error violation) {
        JsonNode instance = violation.getInstanceNode();
        JsonNode schema = violation.getSchemaNode();
        return switch (violation.getKeyword()) {
            case "maxLength" ->
                "string \"%s\" is too long (length: %d, maximum allowed: %s)"
                        .formatted(instance.asString(), length(instance), schema);
            case "minLength" ->
                "string \"%s\" is too short (length: %d, minimum required: %s)"
                        .formatted(instance.asString(), length(instance), schema);
            case "enum" -> "instance value (%s) not found in enum (possible values: %s)".formatted(instance, schema);
            case "type" ->
                "instance type (%s) does not match any allowed primitive type (allowed: %s)"
                        .formatted(
                                typeOf(instance),
                                schema.isArray()
                                        ? schema
                                        : JSON.createArrayNode().add(schema));
            case "pattern" ->
                "ECMA 262 regex \"%s\" does not match input string \"%s\""
                        .formatted(schema.asString(), instance.asString());
            case "minimum" ->
                violation.getMessage().contains("exclusive")
                        ? "numeric instance is not strictly greater than the required minimum " + schema
                        : "numeric instance is lower than the required minimum (minimum: %s, found: %s)"
                                .formatted(schema, instance);
            case "maximum" ->
                violation.getMessage().contains("exclusive")
                        ? "numeric instance is not strictly lower than the required maximum " + schema
                        : "numeric instance is greater than the required maximum (maximum: %s, found: %s)"
                                .formatted(schema, instance);
            case "minItems" ->
                "array is too short: must have at least %s elements but instance has %d elements"
                        .formatted(schema, instance.size());
            case "maxItems" ->
                "array is too long: must have at most %s elements but instance has %d elements"
                        .formatted(schema, instance.size());
            default -> violation.getInstanceLocation() + ": " + violation.getMessage();
        };
    }

    private static int length(JsonNode text) {
        return text.asString().codePointCount(0, text.asString().length());
    }

    private static String typeOf(JsonNode instance) {
        return switch (instance.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> instance.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> instance.getNodeType().name().toLowerCase();
        };
    }
}
