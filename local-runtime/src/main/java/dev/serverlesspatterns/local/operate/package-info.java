/**
 * What an operator of the local suite looks at while it runs, derived from the template like everything else: how
 * many messages wait in each service's queues and dead-letter queues.
 */
package dev.serverlesspatterns.local.operate;
