/** Implementation details of the GBCS codec; not for use outside this library. */
package io.dccsim.core.gbcs.internal;
