/** The checkout service (State Machine, Saga): see its README. */
package dev.serverlesspatterns.checkout;
