package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.template.TemplateResource;
import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code AWS::SecretsManager::Secret}, including {@code GenerateSecretString}: the value is generated here
 * the way Secrets Manager generates it on deploy, so no secret is ever written into the repository.
 */
final class Secrets {

    static final String TYPE = "AWS::SecretsManager::Secret";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Secrets() {}

    static void create(SecretsManagerClient secrets, TemplateResource resource, Stack stack) {
        Map<String, Object> properties = resource.properties();
        String name = properties.containsKey("Name")
                ? stack.intrinsics().resolveString(properties.get("Name"))
                : stack.generatedName(resource.logicalId());
        String value = properties.containsKey("SecretString")
                ? stack.intrinsics().resolveString(properties.get("SecretString"))
                : generate(resource.section("GenerateSecretString"));
        String arn;
        try {
            CreateSecretResponse created =
                    secrets.createSecret(request -> request.name(name).secretString(value));
            arn = created.arn();
            stack.recordSecretValue(resource.logicalId(), value);
        } catch (ResourceExistsException alreadyThere) {
            arn = secrets.describeSecret(request -> request.secretId(name)).arn();
            stack.recordSecretValue(
                    resource.logicalId(),
                    secrets.getSecretValue(request -> request.secretId(name)).secretString());
        }
        stack.record(resource.logicalId(), arn, Map.of("Id", arn));
    }

    private static String generate(Map<String, Object> rules) {
        int length = rules.containsKey("PasswordLength")
                ? Integer.parseInt(String.valueOf(rules.get("PasswordLength")))
                : 32;
        boolean punctuation = !Boolean.parseBoolean(String.valueOf(rules.getOrDefault("ExcludePunctuation", "false")));
        String excluded = String.valueOf(rules.getOrDefault("ExcludeCharacters", ""));
        String alphabet = (LETTERS_AND_DIGITS + (punctuation ? PUNCTUATION : ""))
                .chars()
                .filter(c -> excluded.indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Object template = rules.get("SecretStringTemplate");
        if (template == null) {
            return password.toString();
        }
        ObjectNode json = (ObjectNode) JSON.readTree(String.valueOf(template));
        json.put(String.valueOf(rules.get("GenerateStringKey")), password.toString());
        return JSON.writeValueAsString(json);
    }
}
