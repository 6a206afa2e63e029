/** The {@code dccsim} command line and the standalone simulator. */
package io.dccsim.sim.cli;
