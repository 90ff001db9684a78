package dev.serverlesspatterns.platform.priming;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the functions a {@link PrimingWarmUp} bean warms (one warm-up may serve functions that share an answer). Not Spring's {@code @Qualifier}: SCF looks functions up by
 * qualifier too, and would find the warm-up instead of the function.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WarmsUp {

    /** The functions' names, as in {@code spring.cloud.function.definition}. */
    String[] value();
}
