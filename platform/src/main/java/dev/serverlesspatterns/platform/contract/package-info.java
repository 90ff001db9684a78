/** Checking documents against the JSON Schemas of shared-events, for request bodies and event messages alike. */
package dev.serverlesspatterns.platform.contract;
