/** Storage behind the coverage tables. Not for users. */
package io.dccsim.sim.coverage.internal;
