package dev.serverlesspatterns.authorizer;

import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests this service's helpers as parameters, {@link Functions} and {@link UsersTable}, made from the harness
 * and stack of {@link LocalAwsExtension}, which must be registered too. One of each per test; the table is closed
 * after it.
 */
public final class AuthorizerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AuthorizerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Functions.class || type == UsersTable.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> helper = parameter.getParameter().getType();
        // A value the store holds is closed with the test's context when it is AutoCloseable, as UsersTable is.
        return context.getStore(NAMESPACE)
                .computeIfAbsent(helper, type -> context.getExecutableInvoker().invoke(type.getConstructors()[0]));
    }
}
