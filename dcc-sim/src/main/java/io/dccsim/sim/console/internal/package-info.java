/** The console's transport: static pages, the login session, the journal stream. */
package io.dccsim.sim.console.internal;
