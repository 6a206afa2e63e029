/** Implementation details of the control API; not for users. */
package io.dccsim.sim.control.internal;
