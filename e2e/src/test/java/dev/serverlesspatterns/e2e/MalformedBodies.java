package dev.serverlesspatterns.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of request bodies no route may accept: wrong-type roots, nulls, deep nesting, huge numbers, invalid UTF-8,
 * keys named twice, empty bodies. Most stand alone; some are made from a route's valid example body, spoiled in one
 * way, so that a route that ignored the spoiling would accept them (a key named twice, each time with the valid value).
 */
final class MalformedBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HUGE_INTEGER = "999999999999999999999999";
    private static final String HUGE_EXPONENT = "1e400";

    /** One body of the corpus. */
    record Body(String name, byte[] bytes) {

        static Body text(String name, String text) {
            return new Body(name, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private MalformedBodies() {}

    /** The bodies that are malformed for every route. */
    static List<Body> standalone() {
        return List.of(
                Body.text("empty body", ""),
                Body.text("only whitespace", " \n\t "),
                Body.text("empty array", "[]"),
                Body.text("array of empty objects", "[{},{}]"),
                Body.text("array of an API Gateway event with another caller's authorizer context", """
                        [{"httpMethod":"POST","path":"/orders","resource":"/orders",\
                        "headers":{"Content-Type":"application/json"},\
                        "requestContext":{"authorizer":{"principalId":"corpus-victim",\
                        "scopes":"admin orders:read orders:write audit:write"}},"body":"{}"}]"""),
                Body.text("string root", "\"text\""),
                Body.text("number root", "42"),
                Body.text("null root", "null"),
                Body.text("true root", "true"),
                Body.text("false root", "false"),
                Body.text("100 nested arrays", "[".repeat(100) + "]".repeat(100)),
                Body.text("10 000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)),
                Body.text("10 000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
                Body.text("huge exponent root", HUGE_EXPONENT),
                Body.text("huge integer root", HUGE_INTEGER),
                Body.text("number of 2 000 digits", "9".repeat(2_000)),
                new Body(
                        "invalid UTF-8 in a string", concat("{\"currency\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}")),
                new Body("invalid UTF-8 only", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}),
                new Body("raw NUL in a string", concat("{\"currency\":\"EUR", new byte[] {0}, "\"}")),
                Body.text("truncated object", "{\"currency\":"),
                Body.text("a key named twice", "{\"currency\":\"EUR\",\"currency\":\"USD\"}"));
    }

    /** Bodies made from a valid example by spoiling it; none when the example is no JSON object (a form, say). */
    static List<Body> spoiled(String example) {
        JsonNode valid;
        try {
            valid = JSON.readTree(example);
        } catch (RuntimeException notJson) {
            return List.of();
        }
        if (!(valid instanceof ObjectNode object)) {
            return List.of();
        }
        String compact = object.toString();
        List<Body> bodies = new ArrayList<>();
        addIfChanged(bodies, "every key named twice, with its valid value", compact, everyKeyTwice(object));
        addIfChanged(bodies, "every value null", compact, allNull(object));
        addIfChanged(bodies, "every number " + HUGE_EXPONENT, compact, numbersAs(compact, HUGE_EXPONENT));
        addIfChanged(bodies, "every number " + HUGE_INTEGER, compact, numbersAs(compact, HUGE_INTEGER));
        return bodies;
    }

    /** Only a spoiling that changed something: an unchanged example would be valid. */
    private static void addIfChanged(List<Body> bodies, String name, String example, String spoiled) {
        if (!spoiled.equals(example)) {
            bodies.add(Body.text(name, spoiled));
        }
    }

    /** {@code {"a":1,"a":1,"b":2,"b":2}}: a reader that lets the last key win reads the valid example. */
    private static String everyKeyTwice(ObjectNode valid) {
        List<String> members = new ArrayList<>();
        valid.properties().forEach(member -> {
            String written = JSON.writeValueAsString(member.getKey()) + ":" + member.getValue();
            members.add(written);
            members.add(written);
        });
        return "{" + String.join(",", members) + "}";
    }

    private static String allNull(ObjectNode valid) {
        ObjectNode nulls = JsonNodeFactory.instance.objectNode();
        valid.properties().forEach(member -> nulls.putNull(member.getKey()));
        return nulls.toString();
    }

    /** The example with every number replaced by {@code literal}. */
    private static String numbersAs(String valid, String literal) {
        return valid.replaceAll("(?<=[:\\[,])-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?(?=[,}\\]])", literal);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
