/** The read model's schema, migrated once per deploy by a CloudFormation custom resource, never in function init. */
package dev.serverlesspatterns.reporting.migration;
