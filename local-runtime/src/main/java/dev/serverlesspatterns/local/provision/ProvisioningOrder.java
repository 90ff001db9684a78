package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.FunctionDefinition;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order CloudFormation creates a template's resources in: each one after every resource its properties
 * reference through {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} (a queue after its dead-letter queue, a
 * subscription after its topic and queue). Resources that do not depend on each other come in logical-id order,
 * so every run provisions the same way.
 */
final class ProvisioningOrder {

    /**
     * Function properties SAM turns into resources of their own (event source mappings, subscriptions, rules,
     * invoke configs) that depend on the function, so they are no dependency of the function itself.
     */
    private static final Set<String> SAM_FUNCTION_SATELLITES = Set.of("Events", "EventInvokeConfig");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private ProvisioningOrder() {}

    static List<TemplateResource> of(SamTemplate template) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        template.resources()
                .values()
                .forEach(resource -> dependencies.put(
                        resource.logicalId(),
                        dependencies(resource, template.resources().keySet())));
        List<TemplateResource> ordered = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        while (created.size() < dependencies.size()) {
            String next = dependencies.entrySet().stream()
                    .filter(entry -> !created.contains(entry.getKey()) && created.containsAll(entry.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The template's resources reference each other in a"
                            + " cycle, so no order can create them: " + cycle(dependencies, created)));
            created.add(next);
            ordered.add(template.resource(next));
        }
        return ordered;
    }

    /** The other resources of the template that this resource's properties reference. */
    private static Set<String> dependencies(TemplateResource resource, Set<String> logicalIds) {
        Set<String> referenced = new TreeSet<>();
        resource.properties().forEach((property, value) -> {
            if (!(resource.type().equals(FunctionDefinition.TYPE) && SAM_FUNCTION_SATELLITES.contains(property))) {
                collectReferences(value, referenced);
            }
        });
        referenced.retainAll(logicalIds);
        return referenced;
    }

    private static void collectReferences(Object value, Set<String> referenced) {
        if (value instanceof List<?> list) {
            list.forEach(element -> collectReferences(element, referenced));
        } else if (value instanceof Map<?, ?> map) {
            Object ref = map.get("Ref");
            Object getAtt = map.get("Fn::GetAtt");
            Object sub = map.get("Fn::Sub");
            if (map.size() == 1 && ref != null) {
                referenced.add(logicalId(String.valueOf(ref)));
            } else if (map.size() == 1 && getAtt != null) {
                referenced.add(logicalId(
                        getAtt instanceof List<?> parts ? String.valueOf(parts.getFirst()) : String.valueOf(getAtt)));
            } else if (map.size() == 1 && sub != null) {
                collectSubReferences(sub, referenced);
            } else {
                map.values().forEach(element -> collectReferences(element, referenced));
            }
        }
    }

    private static void collectSubReferences(Object sub, Set<String> referenced) {
        String text;
        Map<?, ?> variables = Map.of();
        if (sub instanceof List<?> parts) {
            text = String.valueOf(parts.get(0));
            variables = (Map<?, ?>) parts.get(1);
            collectReferences(variables, referenced);
        } else {
            text = String.valueOf(sub);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!variables.containsKey(name)) {
                referenced.add(logicalId(name));
            }
        }
    }

    /** {@code Function.Alias} and {@code Resource.Attribute} both belong to the resource before the dot. */
    private static String logicalId(String reference) {
        int dot = reference.indexOf('.');
        return dot < 0 ? reference : reference.substring(0, dot);
    }

    /** One cycle among the resources left over, e.g. {@code A -> B -> A}, for the error message. */
    private static String cycle(Map<String, Set<String>> dependencies, Set<String> created) {
        // Every resource left over waits for another left-over one, so following those waits must come back round.
        List<String> path = new ArrayList<>();
        String current = dependencies.keySet().stream()
                .filter(id -> !created.contains(id))
                .findFirst()
                .orElseThrow();
        while (!path.contains(current)) {
            path.add(current);
            current = dependencies.get(current).stream()
                    .filter(id -> !created.contains(id))
                    .findFirst()
                    .orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        return String.join(" -> ", loop);
    }
}
