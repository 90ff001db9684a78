package dev.serverlesspatterns.platform.priming;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.crac.Core;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Lambda's SnapStart hooks, run the way Lambda's Java runtime runs them (its CRaC context, which org.crac registers
 * with under {@code org.crac.Core.Compat}, see the pom), prime each function of the started context once with the
 * event of its own on the class path, then run the warm-ups annotated with its name (only those: another function's
 * warm-up is never built), and a priming or warm-up that fails only warns.
 */
@ExtendWith(OutputCaptureExtension.class)
class FunctionPrimingTest {

    private static ConfigurableApplicationContext service;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class VisitorService {

        @Bean
        List<Map<String, Object>> visits() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        Function<Map<String, Object>, Map<String, Object>> greetVisitor(List<Map<String, Object>> visits) {
            return visit -> {
                visits.add(visit);
                return Map.of("greeting", "hello " + visit.get("visitor"));
            };
        }

        @Bean
        List<String> warmUps() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        @WarmsUp("greetVisitor")
        PrimingWarmUp greetVisitorWarmUp(List<String> warmUps) {
            return () -> warmUps.add("greetVisitor");
        }

        @Bean
        @WarmsUp("refuseVisitor")
        PrimingWarmUp refuseVisitorWarmUp() {
            return () -> {
                throw new IllegalStateException("the door is stuck");
            };
        }

        /** Of a function the context does not run: never to be built. */
        @Bean
        @WarmsUp("chaseVisitor")
        PrimingWarmUp chaseVisitorWarmUp() {
            throw new IllegalStateException("built the warm-up of a function the context does not run");
        }

        @Bean
        Function<Map<String, Object>, Map<String, Object>> refuseVisitor() {
            return visit -> {
                throw new IllegalStateException("closed to " + visit.get("visitor"));
            };
        }
    }

    @BeforeAll
    static void startService() {
        // The runtime's context clears the JVM's DNS cache through its native library, which the runtime loads first.
        JniHelper.load();
        service = new SpringApplicationBuilder(VisitorService.class)
                .properties(
                        "spring.main.web-application-type=none",
                        "spring.main.lazy-initialization=true",
                        "platform.priming.enabled=true",
                        "platform.priming.rounds=1",
                        "spring.cloud.function.definition=refuseVisitor;greetVisitor")
                .run();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void primesEachFunctionOnceBeforeTheSnapshotAndOnlyWarnsWhenOneFails(CapturedOutput output) throws Exception {
        // given
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> visits = service.getBean("visits", List.class);

        // when
        Core.getGlobalContext().beforeCheckpoint(null);
        Core.getGlobalContext().afterRestore(null);

        // then
        assertThat(visits).containsExactly(Map.of("visitor", "priming"));
        assertThat(service.getBean("warmUps", List.class)).containsExactly("greetVisitor");
        assertThat(output).contains("SnapStart warm-up", "of refuseVisitor failed, its calls stay cold");
        assertThat(output).contains("the door is stuck");
        assertThat(output).doesNotContain("built the warm-up of a function the context does not run");
        assertThat(output).contains("SnapStart priming of refuseVisitor failed, its first invoke stays cold");
        assertThat(output).contains("closed to anyone");
        assertThat(output).contains("SnapStart priming ran greetVisitor");
    }
}
