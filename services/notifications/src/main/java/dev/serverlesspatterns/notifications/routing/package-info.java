/**
 * Router: one asynchronously invoked entry, Spring Cloud Function's own {@code functionRouter}, hands each
 * {@code NotificationRequested} to the task of its channel (e-mail, SMS, push) through a {@code MessageRoutingCallback};
 * each task records what it sent in its own table, once per notification id. An unknown channel fails the invoke, so
 * Lambda's retries end on the function's on-failure queue with the request unchanged.
 */
package dev.serverlesspatterns.notifications.routing;
