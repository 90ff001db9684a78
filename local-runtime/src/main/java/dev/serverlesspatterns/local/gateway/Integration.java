package dev.serverlesspatterns.local.gateway;

/** What a route calls once the request is authorized and valid: a function, or an AWS service. */
interface Integration {

    /**
     * @param decision the Lambda authorizer's decision, {@code null} for a route without authorizer
     * @throws GatewayRefusal when API Gateway answers with a gateway response instead
     */
    Reply call(GatewayRequest request, AuthorizerDecision decision);
}
