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
        // given a copy of the repository template and its nested stacks (jars named by absolute path), with one
        // function pointing at a bean that does not exist
        SamTemplate repository = SamTemplate.ofRepository();
        String services = repository.directory().resolveSibling("services").toAbsolutePath() + "/";
        // The companion apps' jars (Metadata.LocalRuntime.Apps), named relative to the root template.
        String legacy = repository.directory().resolveSibling("legacy").toAbsolutePath() + "/";
        String tools = repository.directory().resolveSibling("tools").toAbsolutePath() + "/";
        Path template = directory.resolve("template.yaml");
        for (Path stack : repository.stackFiles()) {
            Path copy = template.resolveSibling(repository.directory().relativize(stack));
            Files.createDirectories(copy.getParent());
            Files.writeString(
                    copy,
                    Files.readString(stack)
                            .replace("../../services/", services)
                            .replace("../legacy/", legacy)
                            .replace("../tools/", tools)
                            .replace(
                                    "SPRING_CLOUD_FUNCTION_DEFINITION: getOrder\n",
                                    "SPRING_CLOUD_FUNCTION_DEFINITION: fetchOrder\n"));
        }

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
