/**
 * Extension points of the simulated DCC's request pipeline: what the server reports about each
 * exchange ({@link io.dccsim.sim.spi.ExchangeListener}) and how a test harness can shape an answer
 * ({@link io.dccsim.sim.spi.InterventionSource}). The journal, scenarios and faults are built on
 * these.
 */
package io.dccsim.sim.spi;
