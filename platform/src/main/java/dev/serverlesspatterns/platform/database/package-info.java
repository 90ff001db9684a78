/** Database pools whose credentials come from Secrets Manager at the first connection, never in function init. */
package dev.serverlesspatterns.platform.database;
