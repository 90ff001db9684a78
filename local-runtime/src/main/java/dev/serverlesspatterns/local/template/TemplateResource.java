package dev.serverlesspatterns.local.template;

import java.util.Map;

/** One entry of the template's {@code Resources}, its properties still holding unresolved intrinsics. */
public record TemplateResource(String logicalId, String type, Map<String, Object> properties) {

    public Map<String, Object> section(String key) {
        return SamTemplate.section(properties, key);
    }
}
