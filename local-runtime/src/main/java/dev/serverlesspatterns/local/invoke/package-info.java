/**
 * The Lambda Invoke API and Lambda's asynchronous invocation semantics for the template's functions: the real
 * SDK {@code LambdaClient} invokes them locally, and Event invokes are retried and sent to their on-failure
 * destination the way the function's {@code EventInvokeConfig} says.
 */
package dev.serverlesspatterns.local.invoke;
