/**
 * The simulated DCC's HTTP(S) transport: {@link io.dccsim.sim.server.DuisServer} serves the DUIS
 * paths ({@code /api/v1/serviceD}, {@code /api/v1/serviceS}, {@code /api/v1/serviceT}) and {@code
 * /metrics}, and hands each request that passes the transport checks to a {@link
 * io.dccsim.sim.server.RequestProcessor}.
 */
package io.dccsim.sim.server;
