/**
 * Simple Web Service and Robust API: the orders API, one Lambda function per method and route, writing one
 * DynamoDB table whose stream feeds later patterns. Placing an order is also the caller side of Internal Handoff.
 */
package dev.serverlesspatterns.orders;
