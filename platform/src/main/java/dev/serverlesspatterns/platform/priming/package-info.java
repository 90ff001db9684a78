/**
 * SnapStart priming: before Lambda snapshots an initialized function, each function of the context runs once with a
 * harmless event of its own, so the first invoke after a restore finds its classes loaded, its clients built and its
 * code compiled; after the restore, what restored copies must not share is renewed.
 */
package dev.serverlesspatterns.platform.priming;
