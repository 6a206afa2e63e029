/**
 * A DUIS User's client: {@link io.dccsim.core.client.DuisClient} signs Service Requests, sends them
 * through a {@link io.dccsim.core.client.DuisTransport} and returns only responses the DCC signed.
 */
package io.dccsim.core.client;
