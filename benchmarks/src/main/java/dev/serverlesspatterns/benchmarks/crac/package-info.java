/**
 * A stand-in for a CRaC JDK's {@code jdk.crac} API, for the primed benchmark runs on a JDK without CRaC. org.crac
 * forwards every registered resource to the package named by the system property {@code org.crac.Core.Compat}
 * (without a CRaC JDK and without that property it drops them); {@link dev.serverlesspatterns.benchmarks.crac.Core}
 * keeps them and, at {@code checkpointRestore}, calls them the way a checkpoint and a restore would, with no snapshot.
 */
package dev.serverlesspatterns.benchmarks.crac;
