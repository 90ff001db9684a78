package dev.serverlesspatterns.local.gateway;

import dev.serverlesspatterns.local.emulator.AwsEndpoint;
import dev.serverlesspatterns.local.lambda.LambdaInvoker;
import dev.serverlesspatterns.local.template.FunctionDefinition.ApiEvent;
import dev.serverlesspatterns.local.template.Intrinsics;
import dev.serverlesspatterns.local.template.LambdaAuthorizer;
import dev.serverlesspatterns.local.template.OpenApiDefinition;
import dev.serverlesspatterns.local.template.OpenApiDefinition.Operation;
import dev.serverlesspatterns.local.template.RestApiDefinition;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One method and path of an API with everything API Gateway runs for it, in order: the Lambda authorizer, the
 * request validation, the integration. Built once when the gateway starts, so a route the local runtime cannot serve
 * like API Gateway stops the start instead of failing a request.
 */
record Route(
        String method,
        String path,
        Optional<LambdaAuthorizer> authorizer,
        Optional<RequestValidation> validation,
        Integration integration) {

    /** The API's routes: its functions' {@code Api} events, then the operations of its {@code DefinitionBody}. */
    static List<Route> of(
            RestApiDefinition api,
            Intrinsics intrinsics,
            LambdaInvoker invoker,
            AwsEndpoint endpoint,
            HttpClient http) {
        List<Route> routes = new ArrayList<>();
        for (ApiEvent event : api.routes()) {
            routes.add(new Route(
                    event.method(),
                    event.path(),
                    api.authorizerFor(event, intrinsics).map(LambdaAuthorizer.class::cast),
                    Optional.empty(),
                    new LambdaProxyIntegration(invoker, event.functionLogicalId())));
        }
        api.definitionBody().ifPresent(definition -> {
            for (Operation operation : definition.operations()) {
                String description = api.logicalId() + " " + operation.method() + " " + operation.path();
                routes.add(new Route(
                        operation.method(),
                        operation.path(),
                        definition.authorizerFor(operation, intrinsics),
                        RequestValidation.of(definition, operation),
                        integration(operation.integration(), description, intrinsics, invoker, endpoint, http)));
            }
        });
        return List.copyOf(routes);
    }

    private static Integration integration(
            OpenApiDefinition.Integration integration,
            String description,
            Intrinsics intrinsics,
            LambdaInvoker invoker,
            AwsEndpoint endpoint,
            HttpClient http) {
        return switch (integration.type()) {
            case "aws" ->
                new AwsIntegration(
                        integration,
                        intrinsics.resolveString(integration.uri()),
                        requestTemplates(integration, intrinsics),
                        description,
                        endpoint,
                        http);
            case "aws_proxy" -> new LambdaProxyIntegration(invoker, intrinsics.referencedFunction(integration.uri()));
            case "http_proxy" ->
                new HttpProxyIntegration(integration, intrinsics.resolveString(integration.uri()), description, http);
            default ->
                throw new UnsupportedOperationException(description + " has a " + integration.type()
                        + " integration; the local runtime serves aws, aws_proxy (Lambda) and http_proxy integrations"
                        + " only");
        };
    }

    /** The request templates with their intrinsics ({@code !Sub} naming a table, say) resolved. */
    private static Map<String, String> requestTemplates(
            OpenApiDefinition.Integration integration, Intrinsics intrinsics) {
        Map<String, String> templates = new LinkedHashMap<>();
        integration
                .requestTemplates()
                .forEach((contentType, template) -> templates.put(contentType, intrinsics.resolveString(template)));
        return templates;
    }
}
