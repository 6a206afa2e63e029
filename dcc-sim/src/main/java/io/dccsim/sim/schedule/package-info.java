/** Running work at instants of the simulator's own clock. */
package io.dccsim.sim.schedule;
