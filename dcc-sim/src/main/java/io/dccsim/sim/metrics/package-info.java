/** The simulator's Prometheus metrics. */
package io.dccsim.sim.metrics;
