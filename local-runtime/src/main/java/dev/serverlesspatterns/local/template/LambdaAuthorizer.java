package dev.serverlesspatterns.local.template;

/** A Lambda authorizer of a REST API: the function API Gateway asks, and how long it keeps the answer. */
public sealed interface LambdaAuthorizer permits RestApiDefinition.TokenAuthorizer, RequestAuthorizer {

    String name();

    String functionLogicalId();

    /** 0 turns caching off; API Gateway's default is 300. */
    int resultTtlSeconds();
}
