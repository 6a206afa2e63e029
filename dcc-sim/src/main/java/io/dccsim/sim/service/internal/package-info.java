/** Reading request bodies and writing answer elements for the service handlers: not public API. */
package io.dccsim.sim.service.internal;
