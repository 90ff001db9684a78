package dev.serverlesspatterns.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Lambda authorizer's answer: the principal, its IAM policy and the context it hands to the backend.
 * API Gateway caches this whole answer per token and evaluates the cached policy against every later
 * request's method ARN, which is why a policy naming a single route denies the next one.
 */
record AuthorizerDecision(String principalId, List<Statement> statements, Map<String, Object> context) {

    record Statement(boolean allow, List<String> actions, List<String> resources) {}

    static AuthorizerDecision parse(JsonNode response) {
        JsonNode document = response.path("policyDocument");
        List<Statement> statements = elements(document.path("Statement")).stream()
                .map(statement -> new Statement(
                        "Allow".equalsIgnoreCase(statement.path("Effect").asString()),
                        texts(statement.path("Action")),
                        texts(statement.path("Resource"))))
                .toList();
        Map<String, Object> context = new java.util.LinkedHashMap<>();
        response.path("context").properties().forEach(entry -> context.put(entry.getKey(), scalar(entry.getValue())));
        return new AuthorizerDecision(response.path("principalId").asString(null), statements, context);
    }

    /** IAM evaluation: an explicit Deny wins, otherwise an Allow must match, otherwise the request is denied. */
    boolean allows(String methodArn) {
        boolean allowed = statements.stream().anyMatch(statement -> statement.allow() && matches(statement, methodArn));
        return allowed && !explicitlyDenies(methodArn);
    }

    /** Whether a Deny statement names the method, which API Gateway reports differently from a missing Allow. */
    boolean explicitlyDenies(String methodArn) {
        return statements.stream().anyMatch(statement -> !statement.allow() && matches(statement, methodArn));
    }

    private static boolean matches(Statement statement, String methodArn) {
        boolean invokes = statement.actions().stream()
                .anyMatch(action -> glob(action).matcher("execute-api:Invoke").matches());
        return invokes
                && statement.resources().stream()
                        .anyMatch(resource -> glob(resource).matcher(methodArn).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> elements = new java.util.ArrayList<>();
            node.forEach(elements::add);
            return elements;
        }
        return node.isMissingNode() || node.isNull() ? List.of() : List.of(node);
    }

    private static List<String> texts(JsonNode node) {
        return elements(node).stream().map(JsonNode::asString).toList();
    }

    private static Object scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.asString();
    }
}
