/**
 * The Big Fan: audit events reported over the API go to one SNS topic with message attributes, and each consumer's
 * queue takes only what its subscription's filter policy lets through.
 */
package dev.serverlesspatterns.audit;
