/**
 * The legacy shop being strangled: a plain Spring MVC app with its own schema ({@code legacy}). The shop API routes
 * the paths not migrated yet ({@code /legacy/...}) to it through an HTTP proxy integration.
 */
package dev.serverlesspatterns.legacy.shop;
