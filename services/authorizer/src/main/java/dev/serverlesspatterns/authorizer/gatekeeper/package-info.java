/**
 * The TOKEN Lambda authorizer: verifies the bearer JWT, looks its subject up, and answers API Gateway with an
 * IAM policy over the whole stage plus the caller's current scopes, which the gateway caches per token.
 */
package dev.serverlesspatterns.authorizer.gatekeeper;
