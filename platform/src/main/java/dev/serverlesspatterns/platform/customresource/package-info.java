/**
 * CloudFormation custom resources served by a service's own function: the response protocol and the schema migration
 * each Postgres-backed service runs once per deploy (never in function init, which SnapStart runs at publish time).
 */
package dev.serverlesspatterns.platform.customresource;
