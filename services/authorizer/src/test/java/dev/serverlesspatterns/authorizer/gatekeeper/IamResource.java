package dev.serverlesspatterns.authorizer.gatekeeper;

import java.util.regex.Pattern;

/** How IAM matches a policy resource against a method ARN: {@code *} stands for any characters, slashes included. */
final class IamResource {

    private IamResource() {}

    static boolean matches(String policyResource, String methodArn) {
        String[] literals = policyResource.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literals[i]));
        }
        return methodArn.matches(regex.toString());
    }
}
