package dev.serverlesspatterns.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A root template and the stacks nested in it with {@code AWS::Serverless::Application} (a local {@code Location}),
 * flattened into one view the way a deploy wires them: inside a nested stack, {@code Ref Parameter} becomes the
 * expression the parent passes for it (or the parameter's default), and in the parent
 * {@code Fn::GetAtt Stack.Outputs.Name} becomes the nested stack's output value. Every expression of the view is
 * therefore written in the root's terms: its parameters, and the logical ids of resources of any stack. Each stack's
 * relative paths stay relative to its own file.
 */
final class NestedStacks {

    static final String APPLICATION_TYPE = "AWS::Serverless::Application";

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final String OUTPUTS = "Outputs.";

    /** One template file of the tree with its intrinsics rewritten into the root's terms. */
    record Part(String stackName, Path file, Map<String, Object> functionGlobals, Map<String, Object> resources) {}

    private NestedStacks() {}

    /** The root first, then each nested stack (depth first, in declaration order). */
    static List<Part> flatten(Path rootFile, Map<String, Object> rootDocument) {
        List<Part> parts = new ArrayList<>();
        new Level("root", rootFile, rootDocument, null, new HashSet<>()).collect(parts);
        return parts;
    }

    private static final class Level {

        private final String name;
        private final Path file;
        private final Map<String, Object> document;
        /** The expression, in the root's terms, each parameter of this stack stands for; empty for the root. */
        private final Map<String, Object> parameterValues;

        private final Set<String> loading;
        private final Map<String, Level> children = new LinkedHashMap<>();

        Level(
                String name,
                Path file,
                Map<String, Object> document,
                Map<String, Object> parameterValues,
                Set<String> loading) {
            this.name = name;
            this.file = file;
            this.document = document;
            this.parameterValues = parameterValues == null ? Map.of() : parameterValues;
            this.loading = loading;
        }

        void collect(List<Part> parts) {
            Map<String, Object> resources = new LinkedHashMap<>();
            List<Level> nested = new ArrayList<>();
            SamTemplate.section(document, "Resources").forEach((logicalId, value) -> {
                Map<String, Object> resource = SamTemplate.asMap(value);
                if (APPLICATION_TYPE.equals(resource.get("Type"))) {
                    nested.add(child(logicalId));
                } else {
                    resources.put(logicalId, rewrite(resource));
                }
            });
            Map<String, Object> globals = SamTemplate.asMap(
                    rewrite(SamTemplate.section(SamTemplate.section(document, "Globals"), "Function")));
            parts.add(new Part(name, file, globals, resources));
            nested.forEach(level -> level.collect(parts));
        }

        /** The stack an {@code AWS::Serverless::Application} of this template nests, loaded once. */
        private Level child(String logicalId) {
            Level loaded = children.get(logicalId);
            if (loaded != null) {
                return loaded;
            }
            String path = name.equals("root") ? logicalId : name + "/" + logicalId;
            if (!loading.add(path)) {
                throw new IllegalStateException("Nested stacks pass each other's outputs in a cycle at " + path);
            }
            Map<String, Object> properties = SamTemplate.section(SamTemplate.section(document, "Resources"), logicalId);
            properties = SamTemplate.section(properties, "Properties");
            Object location = properties.get("Location");
            if (!(location instanceof String relative) || relative.contains("://")) {
                throw new UnsupportedOperationException(logicalId + " in " + file + " nests " + location
                        + "; the local runtime reads nested stacks from a local Location only");
            }
            Path childFile = file.resolveSibling(relative).normalize();
            Map<String, Object> childDocument = read(childFile);
            Map<String, Object> passed = SamTemplate.section(properties, "Parameters");
            Map<String, Object> values = new LinkedHashMap<>();
            SamTemplate.section(childDocument, "Parameters").forEach((parameter, definition) -> {
                if (passed.containsKey(parameter)) {
                    values.put(parameter, rewrite(passed.get(parameter)));
                } else if (SamTemplate.asMap(definition).containsKey("Default")) {
                    values.put(
                            parameter,
                            String.valueOf(SamTemplate.asMap(definition).get("Default")));
                } else {
                    throw new IllegalStateException(logicalId + " in " + file + " passes no value for parameter "
                            + parameter + " of " + childFile + ", which has no default");
                }
            });
            passed.keySet().stream()
                    .filter(parameter -> !values.containsKey(parameter))
                    .findFirst()
                    .ifPresent(parameter -> {
                        throw new IllegalStateException(logicalId + " in " + file + " passes parameter " + parameter
                                + ", which " + childFile + " does not declare");
                    });
            Level child = new Level(path, childFile, childDocument, values, loading);
            children.put(logicalId, child);
            loading.remove(path);
            return child;
        }

        /** A nested stack's output, in the root's terms. */
        private Object output(String stack, String output) {
            Level child = child(stack);
            Map<String, Object> definition =
                    SamTemplate.section(SamTemplate.section(child.document, "Outputs"), output);
            if (!definition.containsKey("Value")) {
                throw new IllegalStateException(file + " reads output " + output + " of " + stack + ", which "
                        + child.file + " does not declare");
            }
            return child.rewrite(definition.get("Value"));
        }

        private boolean isApplication(String logicalId) {
            return APPLICATION_TYPE.equals(SamTemplate.section(SamTemplate.section(document, "Resources"), logicalId)
                    .get("Type"));
        }

        /** {@code value} with this stack's parameters and its nested stacks' outputs replaced, at any depth. */
        private Object rewrite(Object value) {
            if (value instanceof List<?> list) {
                return list.stream().map(this::rewrite).toList();
            }
            if (!(value instanceof Map<?, ?> map)) {
                return value;
            }
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                Object argument = map.values().iterator().next();
                if (key.equals("Ref") && parameterValues.containsKey(String.valueOf(argument))) {
                    return parameterValues.get(String.valueOf(argument));
                }
                if (key.equals("Fn::GetAtt")
                        && argument instanceof List<?> parts
                        && parts.size() == 2
                        && String.valueOf(parts.get(1)).startsWith(OUTPUTS)
                        && isApplication(String.valueOf(parts.get(0)))) {
                    return output(
                            String.valueOf(parts.get(0)),
                            String.valueOf(parts.get(1)).substring(OUTPUTS.length()));
                }
                if (key.equals("Fn::Sub")) {
                    return Map.of("Fn::Sub", sub(argument));
                }
            }
            Map<String, Object> rewritten = new LinkedHashMap<>();
            map.forEach((key, element) -> rewritten.put(String.valueOf(key), rewrite(element)));
            return rewritten;
        }

        /**
         * A {@code Fn::Sub} whose {@code ${Parameter}} and {@code ${Stack.Outputs.Name}} variables name what this
         * level replaces: they become variables of the list form, bound to the replacement.
         */
        private Object sub(Object argument) {
            String text = argument instanceof List<?> parts ? String.valueOf(parts.get(0)) : String.valueOf(argument);
            Map<String, Object> variables = new LinkedHashMap<>();
            if (argument instanceof List<?> parts && parts.size() > 1) {
                SamTemplate.asMap(parts.get(1)).forEach((variable, bound) -> variables.put(variable, rewrite(bound)));
            }
            Matcher matcher = SUB_VARIABLE.matcher(text);
            while (matcher.find()) {
                String variable = matcher.group(1);
                if (variables.containsKey(variable)) {
                    continue;
                }
                if (parameterValues.containsKey(variable)) {
                    variables.put(variable, parameterValues.get(variable));
                } else if (variable.contains("." + OUTPUTS) && isApplication(variable.split("\\.", 2)[0])) {
                    String[] parts = variable.split("\\.", 3);
                    variables.put(variable, output(parts[0], parts[2]));
                }
            }
            return variables.isEmpty() ? text : List.of(text, variables);
        }

        private static Map<String, Object> read(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Nested stack template " + file + " does not exist");
            }
            try {
                return CloudFormationYaml.read(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the nested stack template " + file, e);
            }
        }
    }
}
