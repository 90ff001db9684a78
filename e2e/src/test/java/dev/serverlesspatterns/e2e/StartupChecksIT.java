package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.invoke.RetryDelays;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local suite refuses to start on wiring the template and the services disagree on. */
class StartupChecksIT {

    @Test
    void aFunctionNamingABeanItsServiceLacksStopsTheStart(@TempDir Path directory) throws IOException {
        // given the repository template with one function pointing at a bean that does not exist
        SamTemplate repository = SamTemplate.ofRepository();
        String services = repository.directory().resolveSibling("services").toAbsolutePath() + "/";
        String wired = Files.readString(repository.file())
                .replace("../services/", services)
                .replace(
                        "SPRING_CLOUD_FUNCTION_DEFINITION: getOrder\n",
                        "SPRING_CLOUD_FUNCTION_DEFINITION: fetchOrder\n");
        Path template = Files.writeString(directory.resolve("template.yaml"), wired);

        // when the suite starts from it
        LocalSuite.Options options = new LocalSuite.Options(
                SamTemplate.load(template),
                "127.0.0.1",
                0,
                Map.of(),
                directory.resolve("logs"),
                "startup-check",
                RetryDelays.LAMBDA);

        // then it stops with a message naming the function, the bean and what the service offers
        assertThatThrownBy(() -> LocalSuite.start(options, line -> {}).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GetOrderFunction")
                .hasMessageContaining("'fetchOrder'")
                .hasMessageContaining("getOrder");
    }
}
