package dev.serverlesspatterns.local.testing;

import dev.serverlesspatterns.local.emulator.AwsEmulator;
import dev.serverlesspatterns.local.emulator.AwsEmulators;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test classes one emulator for the whole test JVM, from {@link AwsEmulators}, stopped when the JVM's tests
 * end. Starting moto costs seconds of CPU, once per class without this; classes can share it because each names
 * its resources apart (by its stack name or its own prefix) and asks only about them.
 */
public final class SharedEmulator implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsEmulator.class;
    }

    @Override
    public AwsEmulator resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store outlives every class and closes the AutoCloseable emulator when the run ends.
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(SharedEmulator.class))
                .computeIfAbsent(AwsEmulator.class, type -> AwsEmulators.start(System.getenv()), AwsEmulator.class);
    }
}
