package dev.serverlesspatterns.local.lambda;

/**
 * Invokes a template function asynchronously, as Lambda does for InvocationType Event, SNS and EventBridge:
 * the caller returns at once; retries, maximum event age and the on-failure destination follow the
 * function's {@code EventInvokeConfig}.
 */
public interface AsyncInvoker {

    /** @return the request id of the accepted invocation */
    String invokeAsync(String functionLogicalId, byte[] event);
}
