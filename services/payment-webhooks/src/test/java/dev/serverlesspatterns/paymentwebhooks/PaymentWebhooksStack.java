package dev.serverlesspatterns.paymentwebhooks;

import dev.serverlesspatterns.local.testing.LocalAwsExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The template's stack in the emulator with the payments database behind it. The database comes first: the stack is
 * provisioned once per test JVM, with the database parameters it finds at that moment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({PaymentsDatabaseExtension.class, LocalAwsExtension.class})
public @interface PaymentWebhooksStack {}
