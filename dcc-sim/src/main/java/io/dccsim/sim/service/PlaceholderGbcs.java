package io.dccsim.sim.service;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ServiceReferenceVariant;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A stand-in for real GBCS: a General-Signing APDU with the right grouping header (tag {@code DF
 * 09}, the CRA flag, the request's counter, the originator and recipient system titles, no
 * date-time) and message code {@code 0000} (for an alert, the alert code), whose content is the
 * ASCII text {@code dccsim placeholder <SRV>} and whose signature is absent ({@code 00}). It is not
 * MACed, so a GBCS parser that checks the outer frame or the MAC refuses it: that is the point of
 * the placeholder.
 */
public final class PlaceholderGbcs implements GbcsResponder {
  private static final int CRA_COMMAND = 0x01;
  private static final int CRA_RESPONSE = 0x02;
  private static final int CRA_ALERT = 0x03;

  @Override
  public byte[] response(Eui64 device, ServiceReferenceVariant srv, RequestId request, Instant at) {
    return apdu(CRA_RESPONSE, request.counter(), device, request.originator(), srv);
  }

  @Override
  public byte[] command(Eui64 device, ServiceReferenceVariant srv, RequestId request, Instant at) {
    return apdu(CRA_COMMAND, request.counter(), request.originator(), device, srv);
  }

  @Override
  public byte[] alert(Eui64 device, Eui64 user, int alertCode, long counter, Instant at) {
    return apdu(
        CRA_ALERT,
        counter,
        device,
        user,
        alertCode,
        String.format("dccsim placeholder alert %04X", alertCode));
  }

  /** The General-Signing APDU, with a null signature. */
  static byte[] apdu(
      int cra, long counter, Eui64 originator, Eui64 recipient, ServiceReferenceVariant srv) {
    return apdu(cra, counter, originator, recipient, 0, "dccsim placeholder " + srv);
  }

  private static byte[] apdu(
      int cra, long counter, Eui64 originator, Eui64 recipient, int messageCode, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xDF);
    out.write(0x09);
    out.write(cra);
    for (int i = 7; i >= 0; i--) {
      out.write((int) (counter >>> (8 * i)));
    }
    out.write(0x08);
    out.writeBytes(originator.toBytes());
    out.write(0x08);
    out.writeBytes(recipient.toBytes());
    out.write(0x00); // no date-time
    out.write(0x02); // other information: the message code alone
    out.write(messageCode >>> 8);
    out.write(messageCode & 0xFF);
    byte[] content = text.getBytes(StandardCharsets.US_ASCII);
    out.write(content.length); // under 0x80: a one-byte length
    out.writeBytes(content);
    out.write(0x00); // no signature
    return out.toByteArray();
  }
}
