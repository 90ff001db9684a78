/** Secrets read from Secrets Manager at their first use and cached, never in function init. */
package dev.serverlesspatterns.platform.secrets;
