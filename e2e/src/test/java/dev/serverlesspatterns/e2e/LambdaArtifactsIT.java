package dev.serverlesspatterns.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runnable jar of each service is a web app for the local runtime; the Lambda artifact the template deploys is
 * not: FunctionInvoker starts no web server, so a servlet container, Spring MVC or Actuator there would only cost
 * size and cold start. The jars are the packaged ones, so this runs after the package phase.
 */
class LambdaArtifactsIT {

    /** Packages of servlet containers, the servlet API, Spring MVC and Actuator. */
    private static final List<String> WEB_STACK = List.of(
            "org/apache/catalina/",
            "org/apache/coyote/",
            "org/apache/tomcat/",
            "org/eclipse/jetty/",
            "io/undertow/",
            "jakarta/servlet/",
            "org/springframework/web/servlet/",
            "org/springframework/boot/tomcat/",
            "org/springframework/boot/webmvc/",
            "org/springframework/boot/actuate/");

    /** Each service once: its name and the Lambda artifact its functions deploy. */
    static Stream<Arguments> lambdaArtifacts() {
        return SamTemplate.ofRepository().functions().stream()
                .collect(Collectors.toMap(
                        FunctionDefinition::codeUri, FunctionDefinition::serviceName, (same, again) -> same))
                .entrySet()
                .stream()
                .map(artifact -> Arguments.of(artifact.getValue(), artifact.getKey()));
    }

    @ParameterizedTest
    @MethodSource("lambdaArtifacts")
    void theLambdaArtifactCarriesNoWebServer(String service, Path lambdaJar) throws IOException {
        // given the Lambda artifact a template function deploys
        try (JarFile jar = new JarFile(lambdaJar.toFile())) {
            // when its classes are listed
            List<String> webClasses = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> WEB_STACK.stream().anyMatch(name::startsWith))
                    .limit(5)
                    .toList();

            // then none belongs to the web stack, while the function runtime is there
            assertThat(webClasses).as(service).isEmpty();
            assertThat(jar.getEntry("org/springframework/cloud/function/adapter/aws/FunctionInvoker.class"))
                    .isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("lambdaArtifacts")
    void theRunnableJarBesideItIsAWebApp(String service, Path lambdaJar) throws IOException {
        // given the service's runnable Boot jar, which the local runtime starts
        try (JarFile jar =
                new JarFile(lambdaJar.resolveSibling(service + "-exec.jar").toFile())) {
            // when its libraries are listed
            List<String> libraries = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .toList();

            // then it carries the servlet container and Actuator the Lambda artifact leaves out
            assertThat(libraries)
                    .as(service)
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/tomcat-embed-core-"))
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/spring-webmvc-"))
                    .anyMatch(name -> name.startsWith("BOOT-INF/lib/spring-boot-actuator-"));
        }
    }
}
