package dev.serverlesspatterns.local.engines;

import dev.serverlesspatterns.local.template.SamTemplate;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The template's {@code Metadata.LocalRuntime.Postgres}: which parameters take the JDBC URL, user name and password
 * of the Postgres engine the local runtime starts (the RDS stand-in). A parameter the run overrides itself keeps
 * its override.
 */
public record PostgresParameters(String url, String username, String password) {

    public static Optional<PostgresParameters> of(SamTemplate template) {
        Node root;
        try (Reader reader = Files.newBufferedReader(template.file())) {
            // Composed, not loaded: CloudFormation's short tags (!Ref, !Sub, ...) need no meaning here.
            root = new Yaml().compose(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the SAM template " + template.file(), e);
        }
        return child(root, "Metadata")
                .flatMap(metadata -> child(metadata, "LocalRuntime"))
                .flatMap(localRuntime -> child(localRuntime, "Postgres"))
                .map(postgres -> new PostgresParameters(
                        name(postgres, "UrlParameter"),
                        name(postgres, "UsernameParameter"),
                        name(postgres, "PasswordParameter")));
    }

    public Map<String, String> filledFrom(Engine engine, Map<String, String> overrides) {
        Map<String, String> filled = new LinkedHashMap<>(overrides);
        filled.putIfAbsent(url, engine.url());
        filled.putIfAbsent(username, engine.username());
        filled.putIfAbsent(password, engine.password());
        return filled;
    }

    private static Optional<Node> child(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(entry -> entry.getKeyNode() instanceof ScalarNode name
                        && name.getValue().equals(key))
                .map(NodeTuple::getValueNode)
                .findFirst();
    }

    private static String name(Node postgres, String key) {
        return child(postgres, key)
                .filter(ScalarNode.class::isInstance)
                .map(value -> ((ScalarNode) value).getValue())
                .orElseThrow(() ->
                        new IllegalStateException("Metadata.LocalRuntime.Postgres of the template names no " + key));
    }
}
