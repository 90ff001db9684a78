/**
 * CloudFormation custom resources backed by the template's functions (schema migrations, for example), created after
 * the services start, the same way a deploy creates them.
 */
package dev.serverlesspatterns.local.customresource;
