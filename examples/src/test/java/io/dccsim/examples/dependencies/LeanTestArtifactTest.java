package io.dccsim.examples.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.sim.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * This module depends on {@code dccsim-sim} exactly as a supplier's JUnit suite would, so its test
 * class path is what they get: the simulator, and no logging backend, database driver or command
 * line library forced on them.
 */
class LeanTestArtifactTest {

  @Test
  void theLibraryBringsNoLoggingBackendDriverOrCommandLine() {
    for (String absent :
        List.of(
            "ch.qos.logback.classic.Logger",
            "org.postgresql.Driver",
            "picocli.CommandLine",
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
            "me.tongfei.progressbar.ProgressBar")) {
      assertThat(loadable(absent)).as(absent).isFalse();
    }
  }

  @Test
  void andStillRunsTheSimulator() {
    assertThat(loadable(Simulator.class.getName())).isTrue();
    try (Simulator sim = Simulator.builder().start()) {
      assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
    }
  }

  private static boolean loadable(String name) {
    try {
      Class.forName(name, false, LeanTestArtifactTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
