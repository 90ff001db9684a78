package dev.serverlesspatterns.local.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SAM's merge rules for {@code Globals}: a function's own scalar or list replaces the global one, while
 * maps (such as {@code Environment.Variables}) are merged key by key with the function winning.
 */
final class Globals {

    private Globals() {}

    static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> merged.merge(key, value, Globals::mergeValue));
        return merged;
    }

    private static Object mergeValue(Object global, Object own) {
        if (global instanceof Map<?, ?> && own instanceof Map<?, ?> && !isIntrinsic(own)) {
            return merge(SamTemplate.asMap(global), SamTemplate.asMap(own));
        }
        return own;
    }

    private static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> map
                && map.size() == 1
                && map.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.startsWith("Fn::"));
    }
}
