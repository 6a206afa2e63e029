/**
 * The JUnit 5 extension: an in-process simulated DCC per test run or class, on a free loopback
 * port, with a {@link io.dccsim.sim.junit.DccSimulatorHandle} injected into tests ({@link
 * io.dccsim.sim.junit.DccSimulatorTest}, {@link io.dccsim.sim.junit.DccSimulatorExtension}).
 */
package io.dccsim.sim.junit;
