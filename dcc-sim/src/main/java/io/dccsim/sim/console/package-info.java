/**
 * The web console: a few pages served on the control API's port that look at and drive a running
 * simulator through the control API, with the same token. {@link io.dccsim.sim.console.Console}
 * gathers what it needs and the routes it adds.
 */
package io.dccsim.sim.console;
