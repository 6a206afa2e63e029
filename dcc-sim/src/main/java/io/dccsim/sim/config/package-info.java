/** The standalone simulator's configuration: YAML file, then environment, then flags. */
package io.dccsim.sim.config;
