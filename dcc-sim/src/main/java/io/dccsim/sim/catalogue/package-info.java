/** The DUIS service catalogue as the simulator shows it: a table for people, JSON for programs. */
package io.dccsim.sim.catalogue;
