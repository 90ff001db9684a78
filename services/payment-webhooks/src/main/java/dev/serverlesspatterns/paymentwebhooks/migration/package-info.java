/**
 * Schema migrations, run once per deploy by a CloudFormation custom resource and never while a function starts:
 * SnapStart runs init when a version is published, where a connection would fail or be frozen into the snapshot.
 */
package dev.serverlesspatterns.paymentwebhooks.migration;
