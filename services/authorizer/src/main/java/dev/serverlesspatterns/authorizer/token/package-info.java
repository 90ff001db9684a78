/**
 * The OAuth 2.0 client-credentials token endpoint (RFC 6749, section 4.4): authenticates a registered client or
 * the bootstrap admin and issues a short-lived HS256 access token the authorizer accepts.
 */
package dev.serverlesspatterns.authorizer.token;
