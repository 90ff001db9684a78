package dev.serverlesspatterns.platform.priming;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The {@link PrimingWarmUp} beans that {@link WarmsUp} a function. Found by their definitions, so a warm-up of a
 * function the context does not run is never built (it would build that function's clients, and may need settings
 * only that function's environment has).
 */
final class PrimingWarmUps {

    private final ListableBeanFactory beans;

    PrimingWarmUps(ListableBeanFactory beans) {
        this.beans = beans;
    }

    List<PrimingWarmUp> of(String definition) {
        return Arrays.stream(beans.getBeanNamesForType(PrimingWarmUp.class, true, false))
                .filter(name -> warms(name, definition))
                .map(name -> beans.getBean(name, PrimingWarmUp.class))
                .toList();
    }

    private boolean warms(String name, String definition) {
        WarmsUp warmsUp = beans.findAnnotationOnBean(name, WarmsUp.class, false);
        return warmsUp != null && List.of(warmsUp.value()).contains(definition);
    }
}
