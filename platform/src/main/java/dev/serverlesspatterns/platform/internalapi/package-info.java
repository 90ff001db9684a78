/**
 * Internal API: synchronous calls to functions that have no public route, through the Lambda Invoke API
 * (RequestResponse) on their {@code live} alias. {@link dev.serverlesspatterns.platform.internalapi.InternalApi} gives
 * each call its own time budget and never returns a callee's error as a result: it throws {@link
 * dev.serverlesspatterns.platform.internalapi.InternalApiException} with a stable problem code.
 */
package dev.serverlesspatterns.platform.internalapi;
