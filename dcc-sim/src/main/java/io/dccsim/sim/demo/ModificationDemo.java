package io.dccsim.sim.demo;

import io.dccsim.core.release.Modification;

/** Demonstrates one modification by running the simulator before and after go-live. */
public interface ModificationDemo {

  /** The modification demonstrated. */
  Modification modification();

  /**
   * Runs the demonstration.
   *
   * @throws Exception if the simulator could not be run; the report then says so
   */
  DemoSection run() throws Exception;
}
