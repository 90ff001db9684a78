package dev.serverlesspatterns.platform;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service wants, at the lowest precedence so a service or an environment variable can
 * override them. Lazy initialization means a Lambda context builds only the beans its one function needs;
 * SCF's adapter logs every event at INFO, tokens included, so it is held to WARN. JSON that names a key twice is
 * refused wherever a service reads it (request bodies, queue messages): the last value would win unseen. Spring Cloud
 * AWS would read the EC2 instance metadata into the environment (a network call, which SnapStart's init must not
 * make, and meaningless on Lambda) and verify SNS HTTP notifications with a message manager no function here uses:
 * both are off.
 *
 * <p>Started by SCF's {@code FunctionInvoker} (on Lambda, and in Lambda-path tests, which have a servlet container
 * on their class path) a service runs no web server. Started from its runnable jar it is a web app, listening on
 * loopback unless told otherwise ({@code SERVER_ADDRESS}). Only there, where SnapStart may snapshot it, are its
 * functions primed before a snapshot ({@code platform.priming}).
 */
class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(Map.of(
                "spring.main.lazy-initialization", "true",
                "spring.main.banner-mode", "off",
                "server.address", "127.0.0.1",
                "logging.level.org.springframework.cloud.function.adapter.aws", "WARN",
                "logging.level.org.springframework.cloud.function.context", "WARN",
                "spring.jackson.read.strict-duplicate-detection", "true",
                "spring.cloud.aws.imds.enabled", "false",
                "spring.cloud.aws.sns.verification", "false"));
        if (startedByFunctionInvoker(application)) {
            defaults.put("spring.main.web-application-type", "none");
            defaults.put("platform.priming.enabled", "true");
        }
        environment.getPropertySources().addLast(new MapPropertySource("platformDefaults", defaults));
    }

    /** FunctionInvoker adds its companion configuration to the sources of the context it starts. */
    private static boolean startedByFunctionInvoker(SpringApplication application) {
        return application.getAllSources().contains(AWSCompanionAutoConfiguration.class);
    }
}
