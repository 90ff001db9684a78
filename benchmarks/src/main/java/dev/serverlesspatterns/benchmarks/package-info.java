/**
 * The cold-start benchmark: {@link dev.serverlesspatterns.benchmarks.ColdStartBenchmark} starts each template
 * function in fresh JVMs through {@link dev.serverlesspatterns.benchmarks.InvokeOnce}, next to a
 * {@link dev.serverlesspatterns.benchmarks.PlainJavaFloor}, and reports medians against that floor.
 */
package dev.serverlesspatterns.benchmarks;
