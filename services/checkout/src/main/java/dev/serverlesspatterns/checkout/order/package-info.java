/** Order: the checkout's last step, which turns a held reservation and a charged payment into a confirmed order. */
package dev.serverlesspatterns.checkout.order;
