/**
 * Scenarios and faults: a fluent API that shapes the simulator's answers for a postcode, UPRN or
 * originator ({@link io.dccsim.sim.scenario.Scenarios}), with faults and answers as values ({@link
 * io.dccsim.sim.scenario.Effect}).
 */
package io.dccsim.sim.scenario;
