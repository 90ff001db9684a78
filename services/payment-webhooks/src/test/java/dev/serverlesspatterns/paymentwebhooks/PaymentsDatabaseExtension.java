package dev.serverlesspatterns.paymentwebhooks;

import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.engines.Engines;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The payments database for a test JVM: the Postgres engine the local runtime would pick ({@link Engines}: the
 * environment's {@code SPRING_DATASOURCE_URL}, else a container, else embedded Postgres), started once and stopped when
 * the JVM's tests are done. It hands the engine to the template the way the local suite does, as overrides of the
 * template's database parameters ({@code template.parameter.*}), so it must run before {@code LocalAwsExtension}
 * provisions the stack: see {@link PaymentWebhooksStack}.
 */
public final class PaymentsDatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final String PARAMETER = "template.parameter.";

    @Override
    public void beforeAll(ExtensionContext context) {
        engine(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PaymentsDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new PaymentsDatabase(engine(context));
    }

    private static Engine engine(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(PaymentsDatabaseExtension.class))
                .computeIfAbsent(Engine.class, type -> start(), Engine.class);
    }

    private static Engine start() {
        Engine engine = Engines.postgres(System.getenv());
        System.setProperty(PARAMETER + "PaymentsDatabaseUrl", engine.url());
        System.setProperty(PARAMETER + "PaymentsDatabaseUsername", engine.username());
        System.setProperty(PARAMETER + "PaymentsDatabasePassword", engine.password());
        return engine;
    }
}
