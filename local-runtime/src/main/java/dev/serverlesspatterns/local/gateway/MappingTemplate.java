package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A mapping template, rendered as API Gateway's Velocity engine renders the part of VTL the local runtime supports:
 * {@code $input.body}, {@code $input.json('$.path')}, {@code $input.path('$.path')} (JSONPath of names and indexes),
 * {@code $input.params('name')}, {@code $context} variables, the
 * {@code $util} functions {@code urlEncode}, {@code urlDecode}, {@code escapeJavaScript}, {@code base64Encode} and
 * {@code base64Decode}, and comments. Anything else API Gateway would evaluate (directives such as {@code #set} or
 * {@code #foreach}, other {@code $input}, {@code $util} or {@code $context} members) is refused when the gateway
 * starts, so a template is never rendered differently from AWS without anyone noticing. As in Velocity, a reference
 * to an unknown variable, or one without a value, renders as written unless written quiet ({@code $!name}).
 */
final class MappingTemplate {

    /** What a template reads: the body, the method request's parameters and the request context. */
    interface Scope {
        String body();

        /** A method request parameter from the path, the query string or a header, in that order; "" when absent. */
        String param(String name);

        /** A {@code $context} variable by its dotted name ({@code identity.sourceIp}), {@code null} without value. */
        Object context(String name);
    }

    private static final Set<String> DIRECTIVES = Set.of(
            "set",
            "if",
            "elseif",
            "else",
            "end",
            "foreach",
            "break",
            "stop",
            "macro",
            "parse",
            "include",
            "evaluate",
            "define");
    private static final Set<String> UTIL =
            Set.of("urlEncode", "urlDecode", "escapeJavaScript", "base64Encode", "base64Decode");
    private static final Set<String> CONTEXT = Set.of(
            "accountId",
            "apiId",
            "domainName",
            "extendedRequestId",
            "httpMethod",
            "identity.sourceIp",
            "identity.userAgent",
            "path",
            "protocol",
            "requestId",
            "requestTime",
            "requestTimeEpoch",
            "resourceId",
            "resourcePath",
            "stage");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One step of a JSONPath: {@code .name}, {@code ['name']} or {@code [index]}. */
    private static final Pattern JSON_PATH_STEP =
            Pattern.compile("\\.([A-Za-z_][\\w-]*)|\\['([^']*)'\\]|\\[\"([^\"]*)\"\\]|\\[(\\d+)\\]");

    private sealed interface Part permits Text, Reference {}

    private record Text(String text) implements Part {}

    /** {@code $root.member.call(arguments)...}; {@code source} is the reference as written. */
    private record Reference(String source, boolean quiet, String root, List<Member> members) implements Part {}

    /** A property, or a method call when {@code arguments} is not {@code null} (string literals or references). */
    private record Member(String name, List<Object> arguments) {}

    private final List<Part> parts;

    private MappingTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * Parses a template, refusing what the local runtime cannot render like API Gateway.
     *
     * @param usedBy where the template is, for the error message
     */
    static MappingTemplate compile(String template, String usedBy) {
        MappingTemplate compiled = new MappingTemplate(new Parser(template, usedBy).parts());
        compiled.parts.forEach(part -> {
            if (part instanceof Reference reference) {
                check(reference, usedBy);
            }
        });
        return compiled;
    }

    String render(Scope scope) {
        StringBuilder rendered = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Text text -> rendered.append(text.text());
                case Reference reference -> {
                    Object value = value(reference, scope);
                    if (value != null) {
                        rendered.append(value);
                    } else if (!reference.quiet()) {
                        rendered.append(reference.source());
                    }
                }
            }
        }
        return rendered.toString();
    }

    /** The scope of a method request: its body, parameters and context, with the authorizer's decision if any. */
    static Scope scope(GatewayRequest request, AuthorizerDecision decision, String body) {
        Map<String, Object> context = new HashMap<>();
        context.put("accountId", AwsEndpoint.ACCOUNT_ID);
        context.put("apiId", request.apiId());
        context.put("domainName", request.header("Host"));
        context.put("extendedRequestId", request.requestId());
        context.put("httpMethod", request.method());
        context.put("identity.sourceIp", request.sourceIp());
        context.put("identity.userAgent", request.header("User-Agent"));
        context.put("path", "/" + request.stage() + request.path());
        context.put("protocol", request.exchange().getProtocol());
        context.put("requestId", request.requestId());
        context.put("requestTime", ProxyEvents.REQUEST_TIME.format(request.time()));
        context.put("requestTimeEpoch", request.time().toEpochMilli());
        context.put("resourceId", Integer.toHexString(request.resourcePath().hashCode()));
        context.put("resourcePath", request.resourcePath());
        context.put("stage", request.stage());
        if (decision != null) {
            context.put("authorizer.principalId", decision.principalId());
            decision.context().forEach((key, value) -> context.put("authorizer." + key, value));
        }
        return new Scope() {
            @Override
            public String body() {
                return body;
            }

            @Override
            public String param(String name) {
                String path = request.pathParameters().get(name);
                if (path != null) {
                    return ProxyEvents.decodePathParameter(path);
                }
                String query = request.queryParameter(name);
                if (query != null) {
                    return query;
                }
                String header = request.header(name);
                return header == null ? "" : header;
            }

            @Override
            public Object context(String name) {
                return context.get(name);
            }
        };
    }

    private static void check(Reference reference, String usedBy) {
        List<Member> members = reference.members();
        String unsupported = usedBy + " uses " + reference.source() + ", which the local runtime does not render";
        switch (reference.root()) {
            case "input" -> {
                boolean known = members.size() == 1
                        && switch (members.getFirst().name()) {
                            case "body" -> members.getFirst().arguments() == null;
                            case "params" -> arity(members.getFirst()) == 1;
                            case "json", "path" ->
                                arity(members.getFirst()) == 1
                                        && members.getFirst().arguments().getFirst() instanceof String path
                                        && jsonPointer(path) != null;
                            default -> false;
                        };
                if (!known) {
                    throw new UnsupportedOperationException(unsupported);
                }
            }
            case "util" -> {
                if (members.size() != 1
                        || !UTIL.contains(members.getFirst().name())
                        || arity(members.getFirst()) != 1) {
                    throw new UnsupportedOperationException(unsupported);
                }
            }
            case "context" -> {
                String name = contextName(members);
                if (members.stream().anyMatch(member -> member.arguments() != null)
                        || !(CONTEXT.contains(name) || name.startsWith("authorizer."))) {
                    throw new UnsupportedOperationException(unsupported);
                }
            }
            case "stageVariables", "method" -> throw new UnsupportedOperationException(unsupported);
            default -> {
                // An unknown variable renders as written, as in Velocity.
            }
        }
        members.stream()
                .filter(member -> member.arguments() != null)
                .flatMap(member -> member.arguments().stream())
                .forEach(argument -> {
                    if (argument instanceof Reference nested) {
                        check(nested, usedBy);
                    }
                });
    }

    private static Object value(Reference reference, Scope scope) {
        List<Member> members = reference.members();
        return switch (reference.root()) {
            case "input" -> {
                Member member = members.getFirst();
                yield switch (member.name()) {
                    case "body" -> scope.body();
                    case "params" -> scope.param(argument(member, scope));
                    case "path" -> pathValue(scope.body(), argument(member, scope));
                    default -> jsonValue(scope.body(), argument(member, scope));
                };
            }
            case "util" -> util(members.getFirst().name(), argument(members.getFirst(), scope));
            case "context" -> scope.context(contextName(members));
            default -> null;
        };
    }

    /** {@code $input.json}: the JSON text at the path, {@code ""} where the body has nothing there. */
    private static String jsonValue(String body, String path) {
        if (path.equals("$")) {
            return body.isEmpty() ? "{}" : body;
        }
        JsonNode node = node(body, path);
        return node.isMissingNode() ? "" : JSON.writeValueAsString(node);
    }

    /** {@code $input.path}: a string or number as its text, an object or array as JSON, {@code ""} when missing. */
    private static String pathValue(String body, String path) {
        JsonNode node = node(body, path);
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asString() : JSON.writeValueAsString(node);
    }

    private static JsonNode node(String body, String path) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body).at(jsonPointer(path));
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** The JSON pointer for a JSONPath of names and indexes from the root, {@code null} for any other JSONPath. */
    private static String jsonPointer(String path) {
        if (!path.startsWith("$")) {
            return null;
        }
        StringBuilder pointer = new StringBuilder();
        Matcher step = JSON_PATH_STEP.matcher(path);
        int position = 1;
        while (position < path.length()) {
            if (!step.find(position) || step.start() != position) {
                return null;
            }
            String name = step.group(1) != null
                    ? step.group(1)
                    : step.group(2) != null ? step.group(2) : step.group(3) != null ? step.group(3) : step.group(4);
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            position = step.end();
        }
        return pointer.toString();
    }

    private static String util(String function, String value) {
        return switch (function) {
            case "urlEncode" -> URLEncoder.encode(value, StandardCharsets.UTF_8);
            case "urlDecode" -> URLDecoder.decode(value, StandardCharsets.UTF_8);
            case "escapeJavaScript" -> escapeJavaScript(value);
            case "base64Encode" -> Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            case "base64Decode" -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            default -> throw new IllegalStateException("Unchecked $util." + function);
        };
    }

    /** JavaScript string escaping as API Gateway's {@code $util.escapeJavaScript} does it, single quotes included. */
    private static String escapeJavaScript(String value) {
        StringBuilder escaped = new StringBuilder();
        value.chars().forEach(c -> {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\'' -> escaped.append("\\'");
                case '\\' -> escaped.append("\\\\");
                case '/' -> escaped.append("\\/");
                case '\b' -> escaped.append("\\b");
                case '\f' -> escaped.append("\\f");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        escaped.append("\\u%04X".formatted(c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static String argument(Member member, Scope scope) {
        Object argument = member.arguments().getFirst();
        if (argument instanceof Reference reference) {
            Object value = value(reference, scope);
            return value == null ? "" : String.valueOf(value);
        }
        return String.valueOf(argument);
    }

    private static int arity(Member member) {
        return member.arguments() == null ? -1 : member.arguments().size();
    }

    private static String contextName(List<Member> members) {
        return members.stream().map(Member::name).collect(Collectors.joining("."));
    }

    /** Reads text, comments and references; what it cannot read as a reference stays text, as in Velocity. */
    private static final class Parser {

        private final String template;
        private final String usedBy;
        private int position;

        Parser(String template, String usedBy) {
            this.template = template;
            this.usedBy = usedBy;
        }

        List<Part> parts() {
            List<Part> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (position < template.length()) {
                if (template.startsWith("##", position)) {
                    int end = template.indexOf('\n', position);
                    position = end < 0 ? template.length() : end + 1;
                    continue;
                }
                if (template.startsWith("#*", position)) {
                    int end = template.indexOf("*#", position + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException(usedBy + " has an unclosed #* comment");
                    }
                    position = end + 2;
                    continue;
                }
                char c = template.charAt(position);
                if (c == '#') {
                    int start = position + 1 < template.length() && template.charAt(position + 1) == '{'
                            ? position + 2
                            : position + 1;
                    String directive = identifierAt(start);
                    if (DIRECTIVES.contains(directive)) {
                        throw new UnsupportedOperationException(usedBy + " uses the #" + directive
                                + " directive; the local runtime renders references and comments only");
                    }
                }
                if (c == '$') {
                    Reference reference = reference();
                    if (reference != null) {
                        if (!text.isEmpty()) {
                            parts.add(new Text(text.toString()));
                            text.setLength(0);
                        }
                        parts.add(reference);
                        continue;
                    }
                }
                text.append(c);
                position++;
            }
            if (!text.isEmpty()) {
                parts.add(new Text(text.toString()));
            }
            return parts;
        }

        /** The reference at the current {@code $}, or {@code null} (position unchanged) when there is none. */
        private Reference reference() {
            int start = position;
            position++;
            boolean quiet = accept('!');
            boolean formal = accept('{');
            String root = identifierAt(position);
            if (root.isEmpty()) {
                position = start;
                return null;
            }
            position += root.length();
            List<Member> members = new ArrayList<>();
            while (position + 1 < template.length()
                    && template.charAt(position) == '.'
                    && Character.isLetter(template.charAt(position + 1))) {
                position++;
                String name = identifierAt(position);
                position += name.length();
                members.add(new Member(name, accept('(') ? arguments() : null));
            }
            if (formal && !accept('}')) {
                position = start;
                return null;
            }
            return new Reference(template.substring(start, position), quiet, root, List.copyOf(members));
        }

        private List<Object> arguments() {
            List<Object> arguments = new ArrayList<>();
            skipSpaces();
            if (accept(')')) {
                return arguments;
            }
            while (true) {
                skipSpaces();
                arguments.add(argument());
                skipSpaces();
                if (accept(')')) {
                    return arguments;
                }
                if (!accept(',')) {
                    throw new UnsupportedOperationException(
                            usedBy + " has a call the local runtime cannot read at offset " + position);
                }
            }
        }

        private Object argument() {
            char c = position < template.length() ? template.charAt(position) : 0;
            if (c == '\'' || c == '"') {
                int end = template.indexOf(c, position + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(usedBy + " has an unclosed string at offset " + position);
                }
                String literal = template.substring(position + 1, end);
                position = end + 1;
                return literal;
            }
            if (c == '$') {
                Reference reference = reference();
                if (reference != null) {
                    return reference;
                }
            }
            throw new UnsupportedOperationException(usedBy + " passes an argument the local runtime cannot read at"
                    + " offset " + position + "; use string literals or references");
        }

        private boolean accept(char expected) {
            if (position < template.length() && template.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (position < template.length() && Character.isWhitespace(template.charAt(position))) {
                position++;
            }
        }

        /** A VTL identifier: a letter, then letters, digits, {@code -} and {@code _}. */
        private String identifierAt(int start) {
            if (start >= template.length() || !Character.isLetter(template.charAt(start))) {
                return "";
            }
            int end = start + 1;
            while (end < template.length()
                    && (Character.isLetterOrDigit(template.charAt(end))
                            || template.charAt(end) == '-'
                            || template.charAt(end) == '_')) {
                end++;
            }
            return template.substring(start, end);
        }
    }
}
