/**
 * Delivery of what the simulated DCC sends a User later: asynchronous responses and alerts, signed,
 * to the User's receiving endpoint.
 */
package io.dccsim.sim.delivery;
