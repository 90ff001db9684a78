package dev.serverlesspatterns.local.testing;

import dev.serverlesspatterns.local.LocalSuite;
import dev.serverlesspatterns.local.invoke.RetryDelays;
import dev.serverlesspatterns.local.template.SamTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole local suite once per test JVM, exactly as {@code run-local} does but on a free port, with
 * template parameter overrides from {@link TemplateParameters} and, when the system property
 * {@code local.async-retry-delays} is set, shorter async retry delays; stops it when the JVM's tests are done.
 * Service logs go to {@code target/local-suite-logs}.
 */
public final class LocalSuiteExtension implements BeforeAllCallback, ParameterResolver {

    static final String ASYNC_RETRY_DELAYS = "local.async-retry-delays";

    private static final Logger log = LoggerFactory.getLogger(LocalSuiteExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        suite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalSuite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return suite(context);
    }

    /** Lambda waits minutes between async retries; tests set {@code local.async-retry-delays=PT0.2S,PT0.4S}. */
    private static RetryDelays asyncRetryDelays() {
        String delays = System.getProperty(ASYNC_RETRY_DELAYS);
        return delays == null ? RetryDelays.LAMBDA : RetryDelays.parse(delays);
    }

    private static LocalSuite suite(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(LocalSuiteExtension.class))
                .computeIfAbsent(
                        LocalSuite.class,
                        type -> LocalSuite.start(
                                new LocalSuite.Options(
                                        SamTemplate.ofRepository(),
                                        "127.0.0.1",
                                        0,
                                        TemplateParameters.fromSystemProperties(),
                                        Path.of("target/local-suite-logs"),
                                        "e2e",
                                        asyncRetryDelays()),
                                log::info),
                        LocalSuite.class);
    }
}
