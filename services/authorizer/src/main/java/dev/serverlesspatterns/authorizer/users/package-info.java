/**
 * Users and clients of the Gatekeeper: the table they live in, their one-time client secrets, and the admin
 * API (one function per route) that creates them, grants and revokes their scopes and disables them.
 */
package dev.serverlesspatterns.authorizer.users;
