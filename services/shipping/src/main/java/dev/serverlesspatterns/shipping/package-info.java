/** The shipping service (Internal API target): see its README. */
package dev.serverlesspatterns.shipping;
