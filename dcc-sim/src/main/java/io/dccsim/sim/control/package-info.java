/**
 * The control API: the harness's powers over HTTP with JSON, for harnesses not written in Java
 * ({@link io.dccsim.sim.control.ControlApi}, {@link io.dccsim.sim.control.ControlServer}), and the
 * test-facing state it controls ({@link io.dccsim.sim.control.HarnessState}).
 */
package io.dccsim.sim.control;
