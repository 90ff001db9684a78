package dev.serverlesspatterns.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves CloudFormation intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split})
 * against parameter values, pseudo parameters and the resources the local runtime provisioned.
 */
public final class Intrinsics {

    /** What the running stack knows about its resources. */
    public interface Resources {
        /** What {@code Ref} returns for the resource (a table name, a secret ARN, ...). */
        String ref(String logicalId);

        String attribute(String logicalId, String attribute);
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, String> parameters;
    private final Map<String, String> pseudoParameters;
    private final Resources resources;

    public Intrinsics(Map<String, String> parameters, Map<String, String> pseudoParameters, Resources resources) {
        this.parameters = parameters;
        this.pseudoParameters = pseudoParameters;
        this.resources = resources;
    }

    public String resolveString(Object value) {
        return String.valueOf(resolve(value));
    }

    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            String key = String.valueOf(map.keySet().iterator().next());
            Object argument = map.values().iterator().next();
            switch (key) {
                case "Ref" -> {
                    return ref(String.valueOf(argument));
                }
                case "Fn::GetAtt" -> {
                    List<?> parts = (List<?>) argument;
                    return resources.attribute(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
                }
                case "Fn::Sub" -> {
                    return sub(argument);
                }
                case "Fn::Join" -> {
                    List<?> parts = (List<?>) argument;
                    // A list parameter (!Ref of a List<...> type) arrives as its comma-delimited value.
                    if (!(parts.get(1) instanceof List<?> values)) {
                        return String.join(
                                String.valueOf(parts.get(0)),
                                resolveString(parts.get(1)).split(",", -1));
                    }
                    return values.stream()
                            .map(this::resolveString)
                            .collect(Collectors.joining(String.valueOf(parts.get(0))));
                }
                case "Fn::Split" -> {
                    List<?> parts = (List<?>) argument;
                    return List.of(resolveString(parts.get(1)).split(Pattern.quote(String.valueOf(parts.get(0))), -1));
                }
                case "Fn::Select" -> {
                    List<?> parts = (List<?>) argument;
                    int index = Integer.parseInt(resolveString(parts.get(0)));
                    Object list = resolve(parts.get(1));
                    // A list parameter (!Ref of a List<...> type) arrives as its comma-delimited value.
                    List<?> values = list instanceof List<?> items
                            ? items
                            : List.of(String.valueOf(list).split(",", -1));
                    if (index < 0 || index >= values.size()) {
                        throw new IllegalArgumentException(
                                "Fn::Select index " + index + " is outside the list " + values);
                    }
                    return resolve(values.get(index));
                }
                default -> {
                    if (key.startsWith("Fn::")) {
                        throw new UnsupportedOperationException("The local runtime does not resolve " + key + " yet");
                    }
                }
            }
        }
        return value;
    }

    /** The function logical id behind an authorizer's or integration's function reference. */
    public String referencedFunction(Object reference) {
        return referencedResource(reference).replaceFirst("\\.Alias$", "");
    }

    /**
     * The logical id a {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} points at, for settings that name another
     * resource. A {@code Fn::Sub} must name exactly one resource, as an API integration's URI names its function.
     */
    public String referencedResource(Object reference) {
        if (reference instanceof Map<?, ?> map) {
            Object ref = map.get("Ref");
            if (ref != null) {
                return String.valueOf(ref);
            }
            Object getAtt = map.get("Fn::GetAtt");
            if (getAtt instanceof List<?> parts) {
                return String.valueOf(parts.get(0));
            }
            Object sub = map.get("Fn::Sub");
            if (sub != null) {
                List<String> resources = subReferences(sub);
                if (resources.size() == 1) {
                    return resources.getFirst();
                }
            }
        }
        throw new IllegalArgumentException("Cannot tell which resource " + reference + " refers to");
    }

    /** The resources a {@code Fn::Sub} names: {@code Fn.Alias} as {@code Ref} spells it, else the id before the dot. */
    private List<String> subReferences(Object sub) {
        String text = sub instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(sub);
        Map<?, ?> variables = sub instanceof List<?> parts ? (Map<?, ?>) parts.get(1) : Map.of();
        List<String> resources = new ArrayList<>();
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (variables.containsKey(name)) {
                resources.add(referencedResource(variables.get(name)));
            } else if (!name.startsWith("AWS::") && !parameters.containsKey(name)) {
                resources.add(name.endsWith(".Alias") || !name.contains(".") ? name : name.split("\\.", 2)[0]);
            }
        }
        return resources.stream().distinct().toList();
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (pseudoParameters.containsKey(name)) {
            return pseudoParameters.get(name);
        }
        if (name.endsWith(".Alias")) {
            return resources.attribute(name.substring(0, name.length() - ".Alias".length()), "Arn") + ":live";
        }
        if (name.endsWith(".Version")) {
            // A local run deploys each function once, so its published version is always the first.
            return resources.attribute(name.substring(0, name.length() - ".Version".length()), "Arn") + ":1";
        }
        return resources.ref(name);
    }

    private String sub(Object argument) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> parts) {
            text = String.valueOf(parts.get(0));
            variables = (Map<?, ?>) parts.get(1);
        } else {
            text = String.valueOf(argument);
        }
        Map<?, ?> local = variables;
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value;
            if (local.containsKey(name)) {
                value = resolveString(local.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::") && !name.endsWith(".Alias")) {
                String[] parts = name.split("\\.", 2);
                value = resources.attribute(parts[0], parts[1]);
            } else {
                value = ref(name);
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString().replace("${!", "${");
    }
}
