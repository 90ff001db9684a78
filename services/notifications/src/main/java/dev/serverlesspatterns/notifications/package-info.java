/**
 * Internal Handoff target and Distributed Trigger subscriber: the notifications service receives work other services
 * hand off with an asynchronous Lambda invoke (order confirmations, retries and failure records left to Lambda's
 * {@code EventInvokeConfig}) and the order cancellations of the audit service's order-activity topic on its own queue
 * (retries and DLQ by the queue's redrive policy); it sends each notification at most once per order and kind. As a
 * Router it hands requested notifications to an e-mail, SMS or push task by channel ({@code routing}).
 */
package dev.serverlesspatterns.notifications;
