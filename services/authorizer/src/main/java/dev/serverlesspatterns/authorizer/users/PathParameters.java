package dev.serverlesspatterns.authorizer.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.serverlesspatterns.platform.api.ApiProblem;
import dev.serverlesspatterns.platform.api.ApiProblemException;
import java.util.List;
import java.util.Map;

/** Path parameters of the admin routes; API Gateway hands them over already URL-decoded. */
final class PathParameters {

    private PathParameters() {}

    static String userId(APIGatewayProxyRequestEvent request) {
        String userId = parameter(request, "userId");
        if (userId == null || userId.isBlank()) {
            throw ApiProblemException.notFound("No such user.");
        }
        return userId;
    }

    /** A scope in the path skips the JSON Schema, so it is held to the same rule here. */
    static String scope(APIGatewayProxyRequestEvent request) {
        String scope = parameter(request, "scope");
        if (scope == null || !Scopes.NAME.matcher(scope).matches()) {
            throw new ApiProblemException(ApiProblem.invalid(
                    "VALIDATION_FAILED",
                    "The scope in the path is not a valid scope name.",
                    List.of(new ApiProblem.FieldError(
                            "/pathParameters/scope", "must match " + Scopes.NAME.pattern()))));
        }
        return scope;
    }

    private static String parameter(APIGatewayProxyRequestEvent request, String name) {
        Map<String, String> parameters = request.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }
}
