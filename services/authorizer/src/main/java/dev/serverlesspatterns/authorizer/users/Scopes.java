package dev.serverlesspatterns.authorizer.users;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Scope names and their OAuth wire form: one space-separated string, as in a token's {@code scope} claim. */
public final class Scopes {

    /** The scope every admin API function requires; the bootstrap admin client holds exactly this one. */
    public static final String ADMIN = "admin";

    /** Same rule as the shared JSON Schemas, for scopes that arrive outside a JSON body. */
    static final Pattern NAME = Pattern.compile("^[a-z]+(:[a-z]+)?$");

    private Scopes() {}

    public static Set<String> parse(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(spaceSeparated.trim().split(" +")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Sorted, so the same scopes always give the same string. */
    public static String join(Collection<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }
}
