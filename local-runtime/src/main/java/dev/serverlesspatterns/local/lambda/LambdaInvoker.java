package dev.serverlesspatterns.local.lambda;

/** Invokes a template function (by logical id) synchronously with a raw event, as Lambda's RequestResponse does. */
public interface LambdaInvoker {

    InvocationResult invoke(String functionLogicalId, byte[] event);
}
