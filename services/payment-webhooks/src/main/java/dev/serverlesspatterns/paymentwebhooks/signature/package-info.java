/**
 * Scalable Webhook, the gate: {@link dev.serverlesspatterns.paymentwebhooks.signature.VerifyWebhookSignature}
 * authorizes a webhook by its HMAC over timestamp and {@code Content-Digest}, before API Gateway queues its body.
 */
package dev.serverlesspatterns.paymentwebhooks.signature;
