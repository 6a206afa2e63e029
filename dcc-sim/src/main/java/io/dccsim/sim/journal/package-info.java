/**
 * The request journal: a bounded record of what the simulator received and answered, with queries
 * and verification in the test's words ({@link io.dccsim.sim.journal.RequestJournal}, {@link
 * io.dccsim.sim.journal.ExchangePattern}, {@link io.dccsim.sim.journal.ExpectedCount}).
 */
package io.dccsim.sim.journal;
