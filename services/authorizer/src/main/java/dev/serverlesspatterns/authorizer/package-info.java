/**
 * Gatekeeper: a TOKEN Lambda authorizer that turns bearer JWTs into cached IAM policies, the OAuth 2.0
 * client-credentials endpoint that issues those tokens, and the admin API that manages the users and scopes
 * behind them. Features live in {@code gatekeeper}, {@code token}, {@code users}; {@code jwt} holds what
 * token issuing and verifying share.
 */
package dev.serverlesspatterns.authorizer;
