/**
 * Contracts the services share: request and event records, and the JSON Schemas that define them on the
 * wire. Nothing here depends on Spring, so any service (or a test) can read them.
 */
package dev.serverlesspatterns.events;
