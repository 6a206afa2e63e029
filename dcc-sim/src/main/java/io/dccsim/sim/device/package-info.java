/**
 * The simulated devices' own material: their SMKI credentials ({@link
 * io.dccsim.sim.device.DeviceCredentials}, issued the first time a device is used), the state of a
 * meter's registers on the simulated clock ({@link io.dccsim.sim.device.MeterState}), and the real
 * GBCS a device answers with for the reads it supports ({@link io.dccsim.sim.device.DeviceGbcs}).
 */
package io.dccsim.sim.device;
