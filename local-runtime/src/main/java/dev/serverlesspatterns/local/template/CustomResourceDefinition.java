package dev.serverlesspatterns.local.template;

import java.util.Map;

/**
 * A CloudFormation custom resource ({@code AWS::CloudFormation::CustomResource} or {@code Custom::<Name>}): a deploy
 * sends its {@code ServiceToken} function a request and waits for the function's response.
 */
public record CustomResourceDefinition(TemplateResource resource) {

    public static final String TYPE = "AWS::CloudFormation::CustomResource";
    private static final String CUSTOM_TYPE_PREFIX = "Custom::";

    public static boolean isCustomResource(String type) {
        return type.equals(TYPE) || type.startsWith(CUSTOM_TYPE_PREFIX);
    }

    public String logicalId() {
        return resource.logicalId();
    }

    public String type() {
        return resource.type();
    }

    /** The function that serves the resource, as the template writes it (usually {@code !Ref Fn.Alias}), unresolved. */
    public Object serviceToken() {
        Object token = resource.properties().get("ServiceToken");
        if (token == null) {
            throw new IllegalStateException("Custom resource " + logicalId() + " has no ServiceToken");
        }
        return token;
    }

    /** Every property, {@code ServiceToken} included, as CloudFormation sends them in {@code ResourceProperties}. */
    public Map<String, Object> properties() {
        return resource.properties();
    }
}
