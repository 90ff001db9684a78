package dev.serverlesspatterns.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Services share only shared-events and the platform: no service may use another service's code. */
class ServiceBoundariesTest {

    private static final Path SERVICES = Path.of("..", "services");

    @Test
    void noServiceImportsAnotherService() throws IOException {
        // given the compiled classes of every service
        List<String> services;
        try (Stream<Path> directories = Files.list(SERVICES)) {
            services = directories
                    .filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(services).contains("authorizer", "orders");
        JavaClasses classes = new ClassFileImporter()
                .importPaths(services.stream()
                        .map(service -> SERVICES.resolve(service).resolve("target/classes"))
                        .toList());
        assertThat(classes).isNotEmpty();

        for (String service : services) {
            String[] others = services.stream()
                    .filter(other -> !other.equals(service))
                    .map(other -> packageOf(other) + "..")
                    .toArray(String[]::new);

            // when and then: no class of this service depends on a class of another
            noClasses()
                    .that()
                    .resideInAPackage(packageOf(service) + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("services exchange events and HTTP calls, never code")
                    .check(classes);
        }
    }

    private static String packageOf(String service) {
        return "dev.serverlesspatterns." + service.replace("-", "");
    }
}
