package io.dccsim.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The smoke run of a JMH benchmark class: in this JVM, one 100 ms warm-up and measurement each. */
public final class JmhSmoke {
  private JmhSmoke() {}

  /** Runs every benchmark of {@code benchmarkClass}; any benchmark's failure fails the run. */
  public static Collection<RunResult> run(Class<?> benchmarkClass) throws RunnerException {
    return new Runner(
            new OptionsBuilder()
                .include(benchmarkClass.getName() + "\\.")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .build())
        .run();
  }
}
