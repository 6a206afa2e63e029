package io.dccsim.sim.service;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ServiceReferenceVariant;
import java.time.Instant;

/**
 * What a simulated device sends back: the GBCS payload of its response to a command, and the
 * commands the DCC hands a User for local delivery or signing. The simulator's placeholder ({@link
 * PlaceholderGbcs}) stands in for what devices do not build for real; {@link
 * io.dccsim.sim.device.DeviceGbcs} builds the reads it supports.
 */
public interface GbcsResponder {
  /** The device's GBCS response to the command {@code request} asked for, made at {@code at}. */
  byte[] response(Eui64 device, ServiceReferenceVariant srv, RequestId request, Instant at);

  /**
   * As {@link #response(Eui64, ServiceReferenceVariant, RequestId, Instant)}, for a device whose
   * inventory record the caller already holds, so that it is not looked up again. By default, the
   * response by its EUI-64.
   */
  default byte[] response(
      io.dccsim.core.inventory.Device held,
      ServiceReferenceVariant srv,
      RequestId request,
      Instant at) {
    return response(held.eui(), srv, request, at);
  }

  /**
   * The device's GBCS response to a command the DSP sent on a User's behalf (a DCC schedule run):
   * the DSP {@code dsp} is the originator of the command and the recipient of the response, the
   * User {@code request.originator()} the supplementary remote party, with the request's counter.
   * By default, {@link #response} to the User.
   */
  default byte[] responseViaDsp(
      Eui64 device, ServiceReferenceVariant srv, Eui64 dsp, RequestId request, Instant at) {
    return response(device, srv, request, at);
  }

  /** The GBCS command for {@code request}, for local delivery by the User (command variant 2). */
  byte[] command(Eui64 device, ServiceReferenceVariant srv, RequestId request, Instant at);

  /**
   * The GBCS command for {@code request}, built from its DUIS {@code body} where the command
   * carries what the body says (a tariff). By default, {@link #command(Eui64,
   * ServiceReferenceVariant, RequestId, Instant)}, which does not read the body.
   */
  default byte[] command(
      Eui64 device,
      ServiceReferenceVariant srv,
      RequestId request,
      org.w3c.dom.Element body,
      Instant at) {
    return command(device, srv, request, at);
  }

  /** The GBCS alert {@code alertCode} (two bytes) the device raises to {@code user}. */
  byte[] alert(Eui64 device, Eui64 user, int alertCode, long counter, Instant at);
}
