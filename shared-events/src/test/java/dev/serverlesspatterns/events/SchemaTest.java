package dev.serverlesspatterns.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

class SchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(Schema.class)
    void everySchemaIsShippedAndClosedToUnknownFields(Schema schema) throws IOException {
        // given the schema's file on the classpath
        try (InputStream file = Schema.class.getClassLoader().getResourceAsStream(schema.classpathLocation())) {
            assertThat(file).as(schema.classpathLocation()).isNotNull();
            var document = JSON.readTree(file);

            // when it is loaded as a draft 2020-12 schema
            var loaded = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(document);

            // then it refuses an empty object and fields it does not declare
            assertThat(document.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(document.get("additionalProperties").asBoolean(true)).isFalse();
            assertThat(loaded.validate(JSON.readTree("{\"unexpected\":true}"))).isNotEmpty();
        }
    }
}
