package dev.serverlesspatterns.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code $context.error.validationErrorString} worded as API Gateway words schema violations. */
class SchemaViolationsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema REFUND =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(JSON.readTree("""
                    {"type":"object","required":["refundId","amount","currency","reason"],
                     "additionalProperties":false,
                     "properties":{
                       "refundId":{"type":"string","minLength":3},
                       "amount":{"type":"integer","minimum":1,"maximum":100000},
                       "currency":{"type":"string","enum":["EUR","USD"]},
                       "reason":{"type":"string","pattern":"^[a-z]+$"},
                       "lines":{"type":"array","maxItems":1}}}
                    """));

    @Test
    void groupsMissingAndUnexpectedPropertiesOfOneObjectInOneMessageEach() {
        // when an object misses two properties and carries two unknown ones
        String text = describe("{\"refundId\":\"r-1\",\"zeta\":1,\"alpha\":2}");

        // then
        assertThat(text)
                .isEqualTo("[object has missing required properties ([\"amount\",\"currency\",\"reason\"]), "
                        + "object instance has properties which are not allowed by the schema: [\"alpha\",\"zeta\"]]");
    }

    @Test
    void wordsValueViolationsWithTheOffendingValue() {
        // when every property breaks one rule
        String text = describe("""
                {"refundId":"r","amount":0,"currency":"GBP","reason":"Too Late","lines":[1,2]}""");

        // then
        assertThat(text)
                .contains("string \"r\" is too short (length: 1, minimum required: 3)")
                .contains("numeric instance is lower than the required minimum (minimum: 1, found: 0)")
                .contains("instance value (\"GBP\") not found in enum (possible values: [\"EUR\",\"USD\"])")
                .contains("ECMA 262 regex \"^[a-z]+$\" does not match input string \"Too Late\"")
                .contains("array is too long: must have at most 1 elements but instance has 2 elements");
    }

    @Test
    void namesTheTypeFoundAndTheTypesAllowed() {
        // when
        String text = describe("{\"refundId\":\"r-1\",\"amount\":\"12\",\"currency\":\"EUR\",\"reason\":\"late\"}");

        // then
        assertThat(text)
                .isEqualTo(
                        "[instance type (string) does not match any allowed primitive type (allowed: [\"integer\"])]");
    }

    private static String describe(String body) {
        return SchemaViolations.describe(REFUND.validate(JSON.readTree(body)));
    }
}
