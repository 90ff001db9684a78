/** The customers service (Dynamo Streamer): see its README. */
package dev.serverlesspatterns.customers;
