/**
 * Companion apps: applications the stack calls but does not deploy (a legacy monolith, a partner's sandbox), named in
 * the template's {@code Metadata.LocalRuntime.Apps} and started beside the services with their URLs as parameters.
 */
package dev.serverlesspatterns.local.apps;
