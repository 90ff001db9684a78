/**
 * Notifier: the billing service owns the billing-notifications topic and its event contract
 * ({@code dev.serverlesspatterns.events.billing}); it publishes without knowing who subscribes.
 */
package dev.serverlesspatterns.billing;
