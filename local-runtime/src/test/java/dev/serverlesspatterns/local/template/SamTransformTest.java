package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's stacks as CloudFormation sees them at deploy time, after the SAM transform: run by the SAM
 * translator that cfn-lint installs (Python package samtranslator). CI always has it; elsewhere these tests are
 * skipped without it.
 */
class SamTransformTest {

    private static final Logger log = LoggerFactory.getLogger(SamTransformTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** CloudFormation refuses a stack of more than 500 resources; each service keeps room to grow. */
    private static final int MAXIMUM_PER_STACK = 300;

    private final SamTemplate repository = SamTemplate.ofRepository();

    @TempDir
    private Path scripts;

    @BeforeEach
    void translatorInstalled() throws IOException, InterruptedException {
        assumeTrue(
                translatorRuns() || System.getenv("CI") != null,
                "python3 with the SAM translator (pip install cfn-lint) is not installed");
        for (String script : List.of("transformed_resources.py", "function_versions.py")) {
            try (InputStream in = getClass().getResourceAsStream("/sam/" + script)) {
                Files.copy(in, scripts.resolve(script));
            }
        }
    }

    @Test
    void everyStackStaysWellUnderCloudFormationsResourceLimit() throws IOException, InterruptedException {
        // given every stack of the repository's template
        List<Path> stacks = repository.stackFiles();
        List<String> arguments = new ArrayList<>();
        stacks.forEach(stack -> arguments.add(stack.toString()));

        // when each is transformed as CloudFormation transforms it
        Map<String, Integer> counts =
                JSON.readValue(python("transformed_resources.py", arguments), new TypeReference<>() {});
        log.info("Resources per stack after the SAM transform: {}", counts);

        // then every stack was counted, and none comes near the limit
        assertThat(counts).hasSameSizeAs(stacks);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(1, MAXIMUM_PER_STACK));
    }

    @Test
    void aChangedParameterReachesTheLiveAliasThroughTheReleaseId() throws IOException, InterruptedException {
        // given the authorizer stack, whose functions read JwtIssuer from their environment
        String stack = stack("authorizer.yaml");

        // when it is transformed with another issuer but the same release id, and with another release id (what
        // infra/deploy computes when a parameter value changes)
        Map<String, String> before = versions(stack, "JwtIssuer=https://a.example", "ReleaseId=0123456789abcdef");
        Map<String, String> sameRelease = versions(stack, "JwtIssuer=https://b.example", "ReleaseId=0123456789abcdef");
        Map<String, String> newRelease = versions(stack, "JwtIssuer=https://b.example", "ReleaseId=fedcba9876543210");

        // then SAM alone names the version from the unresolved environment and would publish none, while a new
        // release id gives every function a new version, to which its live alias moves
        assertThat(sameRelease).isEqualTo(before);
        assertThat(newRelease).containsOnlyKeys(before.keySet());
        before.forEach(
                (function, version) -> assertThat(newRelease.get(function)).isNotEqualTo(version));
    }

    private String stack(String name) {
        return repository.stackFiles().stream()
                .filter(file -> file.getFileName().toString().equals(name))
                .findFirst()
                .orElseThrow()
                .toString();
    }

    private Map<String, String> versions(String stack, String... parameters) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(stack));
        arguments.addAll(List.of(parameters));
        return JSON.readValue(python("function_versions.py", arguments), new TypeReference<>() {});
    }

    private String python(String script, List<String> arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("python3", scripts.resolve(script).toString()));
        command.addAll(arguments);
        Path errors = Files.createTempFile(scripts, "stderr", ".txt");
        Process process =
                new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
        return output;
    }

    private static boolean translatorRuns() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import samtranslator")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(OutputStream.nullOutputStream());
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException noPython) {
            return false;
        }
    }
}
