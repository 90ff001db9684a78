package dev.serverlesspatterns.partners;

import dev.serverlesspatterns.sandbox.partner.PartnerSandbox;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The partner the tests call: the partner sandbox app, a real HTTP server started once per test JVM in this JVM on a
 * free loopback port, reset before each test. Registered before {@code LocalAwsExtension}, it sets the template
 * parameter {@code PartnerApiUrl} to the sandbox (as {@code --parameter-overrides} would) before the stack is
 * provisioned, so the functions reach it through the template's {@code PARTNER_API_URL}.
 */
public final class PartnerSandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PartnerSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandbox(context);
    }

    private static PartnerSandbox sandbox(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(PartnerSandboxExtension.class))
                .computeIfAbsent(
                        PartnerSandbox.class,
                        type -> {
                            PartnerSandbox started = PartnerSandbox.start();
                            System.setProperty(
                                    "template.parameter.PartnerApiUrl",
                                    started.baseUrl().toString());
                            return started;
                        },
                        PartnerSandbox.class);
    }
}
