package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping templates rendered like API Gateway's Velocity engine renders them, within the supported subset. */
class MappingTemplateTest {

    private static final MappingTemplate.Scope SCOPE = new MappingTemplate.Scope() {
        @Override
        public String body() {
            return "{\"note\": \"it's 5 €, a+b=c&d\"}";
        }

        @Override
        public String param(String name) {
            return Map.of("Content-Digest", "sha-256=:ab+/=:").getOrDefault(name, "");
        }

        @Override
        public Object context(String name) {
            return Map.<String, Object>of("requestId", "req-1", "requestTimeEpoch", 1764150000123L)
                    .get(name);
        }
    };

    @Test
    void rendersTheSqsSendMessageTemplate() {
        // given the Scalable Webhook's request template
        MappingTemplate template = MappingTemplate.compile(
                "Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageAttribute.1.Name=ContentDigest"
                        + "&MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('Content-Digest'))",
                "test");

        // when and then: the body and the header are form-encoded the way java.net.URLEncoder encodes
        assertThat(template.render(SCOPE))
                .isEqualTo(
                        "Action=SendMessage&MessageBody=%7B%22note%22%3A+%22it%27s+5+%E2%82%AC%2C+a%2Bb%3Dc%26d%22%7D"
                                + "&MessageAttribute.1.Name=ContentDigest"
                                + "&MessageAttribute.1.Value.StringValue=sha-256%3D%3Aab%2B%2F%3D%3A");
    }

    @Test
    void rendersContextVariablesAndUtilFunctions() {
        // given
        MappingTemplate template = MappingTemplate.compile(
                "${context.requestId} at $context.requestTimeEpoch: $util.escapeJavaScript($input.body)"
                        + " $util.base64Encode('hi') $input.params(\"missing\")|",
                "test");

        // when and then
        assertThat(template.render(SCOPE))
                .isEqualTo("req-1 at 1764150000123: {\\\"note\\\": \\\"it\\'s 5 \\u20AC, a+b=c&d\\\"} aGk= |");
    }

    @Test
    void rendersJsonPathsOfTheBodyAsPathAndAsJson() {
        // given a body with nesting, a list, a number and a quote
        MappingTemplate.Scope scope = new MappingTemplate.Scope() {
            @Override
            public String body() {
                return "{\"line1\": \"O'Brien \\\"St\\\"\", \"where\": {\"zip\": \"1011\"}, \"n\": 7,"
                        + " \"tags\": [\"a\", \"b\"]}";
            }

            @Override
            public String param(String name) {
                return "";
            }

            @Override
            public Object context(String name) {
                return null;
            }
        };
        MappingTemplate template = MappingTemplate.compile(
                "$input.json('$.line1')|$input.path('$.line1')|$input.path('$.where.zip')|$input.path(\"$['tags'][1]\")"
                        + "|$input.path('$.n')|$input.json('$.where')|$input.path('$.missing')|$input.json('$.missing')",
                "test");

        // when and then: json keeps JSON's quoting, path gives the text; what is missing renders empty
        assertThat(template.render(scope))
                .isEqualTo("\"O'Brien \\\"St\\\"\"|O'Brien \"St\"|1011|b|7|{\"zip\":\"1011\"}||");
    }

    @Test
    void rendersUnknownOrEmptyReferencesAsWrittenUnlessQuiet() {
        // given references Velocity cannot resolve, and comments
        MappingTemplate template = MappingTemplate.compile(
                "{\"$schema\": \"$!nothing\", \"a\": \"$context.authorizer.tenant\","
                        + " \"b\": \"$!context.authorizer.tenant\", \"price\": \"5$\"}## a comment\n#* and another *#",
                "test");

        // when and then
        assertThat(template.render(SCOPE))
                .isEqualTo(
                        "{\"$schema\": \"\", \"a\": \"$context.authorizer.tenant\", \"b\": \"\", \"price\": \"5$\"}");
    }

    @Test
    void refusesWhatItCannotRenderLikeApiGatewayWhenCompiled() {
        // when and then: directives and members outside the supported subset stop the gateway's start
        assertThatThrownBy(() -> MappingTemplate.compile("#set($body = $input.body)$body", "POST /a template"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("POST /a template uses the #set directive");
        assertThatThrownBy(() -> MappingTemplate.compile("$input.path('$..amount')", "t"))
                .hasMessageContaining("$input.path('$..amount')");
        assertThatThrownBy(() -> MappingTemplate.compile("$input.json('$.items[*]')", "t"))
                .hasMessageContaining("$input.json('$.items[*]')");
        assertThatThrownBy(() -> MappingTemplate.compile("$util.parseJson($input.body)", "t"))
                .hasMessageContaining("$util.parseJson");
        assertThatThrownBy(() -> MappingTemplate.compile("$context.identity.caller", "t"))
                .hasMessageContaining("$context.identity.caller");
        assertThatThrownBy(() -> MappingTemplate.compile("$stageVariables.queue", "t"))
                .hasMessageContaining("$stageVariables.queue");
    }
}
