package dev.serverlesspatterns.local.testing;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.engines.Engines;
import dev.serverlesspatterns.local.engines.PostgresParameters;
import dev.serverlesspatterns.local.engines.RedisParameters;
import dev.serverlesspatterns.local.provision.Caches;
import dev.serverlesspatterns.local.provision.Provisioner;
import dev.serverlesspatterns.local.provision.Stack;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class the AWS the local runtime would use: the emulator picked by {@link AwsEmulators}, with
 * every resource of infra/template.yaml provisioned, and the Postgres engine the template asks for
 * ({@link PostgresParameters}) unless the test JVM overrides all its parameters. Started once per test JVM and
 * stopped when it ends.
 *
 * <p>Template parameters can be overridden per test JVM, see {@link TemplateParameters}.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        session(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LambdaHarness.class || type == ProvisionedStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = session(context);
        return parameter.getParameter().getType() == LambdaHarness.class ? session.harness() : session.stack();
    }

    private static Session session(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(LocalAwsExtension.class))
                .computeIfAbsent(Session.class, type -> Session.start(), Session.class);
    }

    record Session(
            AwsEmulator emulator,
            Optional<Engine> database,
            Optional<Engine> cache,
            ProvisionedStack stack,
            LambdaHarness harness)
            implements AutoCloseable {

        static Session start() {
            SamTemplate template = SamTemplate.ofRepository();
            Map<String, String> overrides = TemplateParameters.fromSystemProperties();
            AwsEmulator emulator = AwsEmulators.start(System.getenv());
            // In-JVM handlers read the SDK's system properties, exactly as a Lambda reads its environment.
            emulator.endpoint().systemProperties().forEach(System::setProperty);
            // Like the local suite: the Postgres the template asks for, unless the test JVM brings its own.
            Optional<PostgresParameters> postgres =
                    PostgresParameters.of(template).filter(wanted -> !wanted.allIn(overrides));
            Optional<Engine> database = postgres.map(wanted -> Engines.postgres(System.getenv()));
            Map<String, String> filled =
                    postgres.isPresent() ? postgres.get().filledFrom(database.orElseThrow(), overrides) : overrides;
            // The Redis the template's caches ask for: embedded, it starts in well under a second.
            Optional<Engine> cache =
                    Caches.wanted(template) ? Optional.of(Engines.redis(System.getenv())) : Optional.empty();
            Map<String, String> parameters = RedisParameters.of(template)
                    .map(redis -> redis.filled(filled))
                    .orElse(filled);
            Stack stack = Provisioner.provision(template, emulator.endpoint(), "suite", parameters, cache);
            return new Session(emulator, database, cache, new ProvisionedStack(stack), new LambdaHarness(stack));
        }

        @Override
        public void close() {
            database.ifPresent(Engine::close);
            cache.ifPresent(Engine::close);
            emulator.close();
        }
    }
}
