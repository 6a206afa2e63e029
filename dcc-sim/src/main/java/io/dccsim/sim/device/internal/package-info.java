/** Helpers of the simulated devices; not part of the API. */
package io.dccsim.sim.device.internal;
