/** Counting the click stream per product, each click once however often Lambda hands it over. */
package dev.serverlesspatterns.clickstream.aggregate;
