/** Implementation details of the journal and scenarios; not for users. */
package io.dccsim.sim.journal.internal;
