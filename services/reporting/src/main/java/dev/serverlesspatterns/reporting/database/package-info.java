/** The read model's connection pool: bounded, opened at first use, credentials from Secrets Manager. */
package dev.serverlesspatterns.reporting.database;
