/** The server's Netty handlers. Not for users. */
package io.dccsim.sim.server.internal;
