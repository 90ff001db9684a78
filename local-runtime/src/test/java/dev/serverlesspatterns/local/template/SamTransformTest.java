package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * CloudFormation refuses a stack of more than 500 resources. Each stack, after the SAM transform (a function with its
 * alias, version, role and alarms is about ten), stays at 300 or fewer, so each service keeps room to grow. Runs the
 * SAM translator that cfn-lint installs (Python package samtranslator); CI always has it.
 */
class TransformedResourceCountTest {

    private static final Logger log = LoggerFactory.getLogger(TransformedResourceCountTest.class);
    private static final int MAXIMUM_PER_STACK = 300;

    @Test
    void everyStackStaysWellUnderCloudFormationsResourceLimit(@TempDir Path directory)
            throws IOException, InterruptedException {
        // given every stack of the repository's template, and the SAM translator
        assumeTrue(
                translatorInstalled() || System.getenv("CI") != null,
                "python3 with the SAM translator (pip install cfn-lint) is not installed");
        List<Path> stacks = SamTemplate.ofRepository().stackFiles();
        Path script = directory.resolve("transformed_resources.py");
        try (var in = getClass().getResourceAsStream("/sam/transformed_resources.py")) {
            Files.copy(in, script);
        }

        // when each is transformed as CloudFormation transforms it at deploy time
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        stacks.forEach(stack -> command.add(stack.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(directory.resolve("stderr.txt")))
                .isZero();
        Map<String, Integer> counts = JsonMapper.builder().build().readValue(output, new TypeReference<>() {});
        log.info("Resources per stack after the SAM transform: {}", counts);

        // then every stack was counted, and none comes near the limit
        assertThat(counts).hasSameSizeAs(stacks);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(1, MAXIMUM_PER_STACK));
    }

    private static boolean translatorInstalled() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import samtranslator")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }
}
