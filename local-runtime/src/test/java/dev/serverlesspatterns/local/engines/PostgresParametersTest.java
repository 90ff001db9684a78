package dev.serverlesspatterns.local.engines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresParametersTest {

    @Test
    void readsWhichParametersTheRepositoryTemplateFillsFromThePostgresEngine() {
        // given
        SamTemplate template = SamTemplate.ofRepository();

        // when
        var parameters = PostgresParameters.of(template);

        // then
        assertThat(parameters)
                .contains(new PostgresParameters(
                        "PaymentsDatabaseUrl", "PaymentsDatabaseUsername", "PaymentsDatabasePassword"));
    }

    @Test
    void aTemplateWithoutTheMetadataAsksForNoPostgres() {
        // given
        SamTemplate template = SamTemplate.load(Path.of("src/test/resources/templates/streams.yaml"));

        // when / then
        assertThat(PostgresParameters.of(template)).isEmpty();
    }

    @Test
    void fillsOnlyTheParametersTheRunDidNotOverride() {
        // given
        PostgresParameters parameters = new PostgresParameters("Url", "User", "Password");
        Engine engine = new Engine() {
            @Override
            public String url() {
                return "jdbc:postgresql://127.0.0.1:5432/postgres";
            }

            @Override
            public String username() {
                return "postgres";
            }

            @Override
            public String password() {
                return "secret";
            }

            @Override
            public String description() {
                return "a Postgres of the test";
            }

            @Override
            public void close() {}
        };

        // when
        Map<String, String> filled = parameters.filledFrom(engine, Map.of("User", "chosen"));

        // then
        assertThat(filled)
                .containsEntry("Url", "jdbc:postgresql://127.0.0.1:5432/postgres")
                .containsEntry("User", "chosen")
                .containsEntry("Password", "secret");
    }
}
