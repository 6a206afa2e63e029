/** Service handlers: {@link io.dccsim.sim.service.WanMatrixService} answers SR 12.1. */
package io.dccsim.sim.service;
