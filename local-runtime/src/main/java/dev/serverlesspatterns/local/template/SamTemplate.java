package dev.serverlesspatterns.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * infra/template.yaml as the local runtime sees it: the resources of the root and of every stack nested in it
 * ({@link NestedStacks}) by logical id, which is therefore unique across all stacks, with each stack's SAM
 * {@code Globals} already merged into its functions the way SAM merges them.
 */
public final class SamTemplate {

    /** The value of an AWS-specific parameter, or of a companion app's URL, in a local run: see {@link #parameterValues}. */
    public static final String NOT_USED_LOCALLY = "not-used-locally";

    private final Path file;
    private final Map<String, Object> parameters;
    private final Map<String, Object> metadata;
    private final Map<String, TemplateResource> resources;
    /** The file that declares each resource, against whose folder its relative paths resolve. */
    private final Map<String, Path> declaredIn;

    private final List<Path> stackFiles;

    private SamTemplate(Path file, Map<String, Object> document) {
        this.file = file;
        this.parameters = section(document, "Parameters");
        this.metadata = section(document, "Metadata");
        Map<String, TemplateResource> byId = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        List<Path> stacks = new ArrayList<>();
        for (NestedStacks.Part part : NestedStacks.flatten(file, document)) {
            stacks.add(part.file());
            part.resources().forEach((logicalId, value) -> {
                Path earlier = files.putIfAbsent(logicalId, part.file());
                if (earlier != null) {
                    throw new IllegalStateException("Logical id " + logicalId + " is declared in both " + earlier
                            + " and " + part.file() + ": logical ids must be unique across all stacks");
                }
                Map<String, Object> resource = asMap(value);
                String type = String.valueOf(resource.get("Type"));
                Map<String, Object> properties = section(resource, "Properties");
                if (type.equals(FunctionDefinition.TYPE)) {
                    properties = Globals.merge(part.functionGlobals(), properties);
                }
                byId.put(logicalId, new TemplateResource(logicalId, type, properties));
            });
        }
        this.resources = Collections.unmodifiableMap(byId);
        this.declaredIn = Collections.unmodifiableMap(files);
        this.stackFiles = List.copyOf(stacks);
    }

    public static SamTemplate load(Path file) {
        try {
            return new SamTemplate(file.toAbsolutePath().normalize(), CloudFormationYaml.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SAM template " + file, e);
        }
    }

    /** The template of this repository, found by walking up from the working directory. */
    public static SamTemplate ofRepository() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            Path candidate = directory.resolve("infra/template.yaml");
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException(
                "No infra/template.yaml in " + Path.of("").toAbsolutePath() + " or any parent directory");
    }

    public Path file() {
        return file;
    }

    public Path directory() {
        return file.getParent();
    }

    /** The root template and every nested stack's template, root first. */
    public List<Path> stackFiles() {
        return stackFiles;
    }

    /** The template's top-level {@code Metadata}, empty when it has none. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    public Map<String, TemplateResource> resources() {
        return resources;
    }

    public TemplateResource resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId))
                .orElseThrow(() -> new IllegalArgumentException("The template declares no resource " + logicalId));
    }

    /**
     * The root's parameter defaults; overrides work like {@code sam deploy --parameter-overrides}. Nested stacks'
     * parameters take what the root passes them. A parameter of an AWS-specific type ({@code AWS::EC2::Subnet::Id},
     * {@code List<AWS::EC2::SecurityGroup::Id>}, ...) names something that exists only in an AWS account, such as the
     * subnets of a {@code VpcConfig}, which a local run ignores: without a default or an override it gets
     * {@link #NOT_USED_LOCALLY}. So does the URL parameter of a {@link #companionApps() companion app} that nobody
     * filled: only a run that starts the API gateway needs the app, and that run starts it.
     */
    public Map<String, String> parameterValues(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((name, definition) -> {
            Object fallback = asMap(definition).get("Default");
            if (fallback != null) {
                values.put(name, String.valueOf(fallback));
            } else if (String.valueOf(asMap(definition).get("Type")).matches("(List<)?AWS::.*")) {
                values.put(name, NOT_USED_LOCALLY);
            }
        });
        companionApps().stream()
                .filter(app -> parameters.containsKey(app.urlParameter()))
                .forEach(app -> values.putIfAbsent(app.urlParameter(), NOT_USED_LOCALLY));
        overrides.forEach((name, value) -> {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("The template has no parameter " + name + " to override");
            }
            values.put(name, value);
        });
        parameters.keySet().stream()
                .filter(name -> !values.containsKey(name))
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("Parameter " + name + " has no default: pass a value for it");
                });
        return values;
    }

    /** The applications the local runtime starts beside the services ({@code Metadata.LocalRuntime.Apps}). */
    public List<CompanionAppDefinition> companionApps() {
        return CompanionAppDefinition.of(directory(), section(section(metadata, "LocalRuntime"), "Apps"));
    }

    public List<FunctionDefinition> functions() {
        List<FunctionDefinition> functions = new ArrayList<>();
        resources.values().stream()
                .filter(resource -> resource.type().equals(FunctionDefinition.TYPE))
                .forEach(resource -> functions.add(function(resource.logicalId())));
        return functions;
    }

    public FunctionDefinition function(String logicalId) {
        return new FunctionDefinition(
                resource(logicalId), declaredIn.get(logicalId).getParent());
    }

    /** The custom resources, in the order the template declares them. */
    public List<CustomResourceDefinition> customResources() {
        return resources.values().stream()
                .filter(resource -> CustomResourceDefinition.isCustomResource(resource.type()))
                .map(CustomResourceDefinition::new)
                .toList();
    }

    public List<RestApiDefinition> restApis() {
        return resources.values().stream()
                .filter(resource -> resource.type().equals(RestApiDefinition.TYPE))
                .map(resource -> new RestApiDefinition(resource, functions()))
                .toList();
    }

    public static Map<String, Object> section(Map<String, Object> map, String key) {
        return map == null || map.get(key) == null ? Map.of() : asMap(map.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("Expected a mapping but found " + value);
    }
}
