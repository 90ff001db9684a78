/**
 * Internal Handoff target: the notifications service receives work other services hand off with an
 * asynchronous Lambda invoke, does it at most once per business key, and leaves retries and failure records to
 * Lambda (the function's {@code EventInvokeConfig}).
 */
package dev.serverlesspatterns.notifications;
