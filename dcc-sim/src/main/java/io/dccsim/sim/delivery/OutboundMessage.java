package io.dccsim.sim.delivery;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import java.util.Objects;
import java.util.Optional;

/**
 * One signed DUIS document for a User's receiving endpoint.
 *
 * @param user the User it is for (whose endpoint receives it)
 * @param kind what it is
 * @param requestId the request it answers, for a response
 * @param responseCode the response code it carries, e.g. {@code I0}, {@code E21}, or the alert code
 * @param signedXml the whole signed document, as it is to be posted
 */
public record OutboundMessage(
    Eui64 user, Kind kind, Optional<RequestId> requestId, String responseCode, byte[] signedXml) {

  /** What a message is. */
  public enum Kind {
    /** The asynchronous response to a device Service Request. */
    RESPONSE,
    /** An alert a device raised ({@code DeviceAlertMessage}). */
    DEVICE_ALERT,
    /** An alert the DCC raised ({@code DCCAlertMessage}). */
    DCC_ALERT
  }

  /** Validates and copies. */
  public OutboundMessage {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(responseCode, "responseCode");
    signedXml = signedXml.clone();
  }

  /** A copy of the document. */
  @Override
  public byte[] signedXml() {
    return signedXml.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutboundMessage m
        && m.user.equals(user)
        && m.kind == kind
        && m.requestId.equals(requestId)
        && m.responseCode.equals(responseCode)
        && java.util.Arrays.equals(m.signedXml, signedXml);
  }

  @Override
  public int hashCode() {
    return Objects.hash(user, kind, requestId, responseCode, java.util.Arrays.hashCode(signedXml));
  }

  @Override
  public String toString() {
    return "OutboundMessage["
        + kind
        + " for "
        + user
        + requestId.map(r -> " to " + r).orElse("")
        + ", "
        + responseCode
        + ", "
        + signedXml.length
        + " bytes]";
  }
}
