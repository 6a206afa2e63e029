package io.dccsim.core.value;

import java.util.Optional;

/**
 * The DUIS command variants 1 to 8: how the DCC handles a Service Request, whether the answer comes
 * back in the HTTP response (synchronously) or later over the User's own endpoint (asynchronously),
 * and which web service takes it.
 *
 * <p>{@link #isSynchronous()} is true when the substantive answer comes back in the HTTP response.
 * Variants that go to a device over the WAN are acknowledged at once ({@code I99}) and answered
 * asynchronously; variants 3 and 7 also return the command for local delivery at once.
 */
public enum CommandVariant {
  /** Send the command to the device over the WAN; the device's answer arrives asynchronously. */
  SEND_VIA_WAN(1, "Send to device via WAN", true, false, false, WebService.SEND_COMMAND),
  /**
   * Return the command for local delivery by the User; answered synchronously, on the Non-Device
   * Service (as the DCC's own public DUIS tools route it).
   */
  RETURN_FOR_LOCAL_DELIVERY(
      2, "Return for local delivery", false, true, true, WebService.NON_DEVICE),
  /** Both: the local-delivery command at once, the device's answer asynchronously. */
  SEND_VIA_WAN_AND_RETURN(
      3, "Return for local delivery and send via WAN", true, true, false, WebService.SEND_COMMAND),
  /** Transform a critical request into a pre-command for the User to sign; synchronous. */
  TRANSFORM_TO_PRE_COMMAND(
      4, "Transform to pre-command (critical)", false, false, true, WebService.TRANSFORM),
  /** A signed pre-command sent to the device over the WAN; answered asynchronously. */
  SIGNED_PRE_COMMAND_VIA_WAN(
      5, "Signed pre-command: send via WAN", true, false, false, WebService.SEND_COMMAND),
  /** A signed pre-command returned for local delivery; synchronous, on the Non-Device Service. */
  SIGNED_PRE_COMMAND_RETURN(
      6, "Signed pre-command: return for local delivery", false, true, true, WebService.NON_DEVICE),
  /** A signed pre-command returned for local delivery and sent over the WAN. */
  SIGNED_PRE_COMMAND_VIA_WAN_AND_RETURN(
      7,
      "Signed pre-command: return for local delivery and send via WAN",
      true,
      true,
      false,
      WebService.SEND_COMMAND),
  /** A non-device service the DCC answers itself, synchronously (SR 12.1 among them). */
  NON_DEVICE(8, "Non-device service", false, false, true, WebService.NON_DEVICE);

  private final int code;
  private final String description;
  private final boolean viaWan;
  private final boolean localDelivery;
  private final boolean synchronous;
  private final WebService webService;

  CommandVariant(
      int code,
      String description,
      boolean viaWan,
      boolean localDelivery,
      boolean synchronous,
      WebService webService) {
    this.code = code;
    this.description = description;
    this.viaWan = viaWan;
    this.localDelivery = localDelivery;
    this.synchronous = synchronous;
    this.webService = webService;
  }

  /** The number written in {@code CommandVariant}, 1 to 8. */
  public int code() {
    return code;
  }

  /** A short description. */
  public String description() {
    return description;
  }

  /** Whether the DCC sends a command to the device over the SM WAN. */
  public boolean sendsViaWan() {
    return viaWan;
  }

  /** Whether the command is returned to the User for local delivery to the device. */
  public boolean returnsForLocalDelivery() {
    return localDelivery;
  }

  /** Whether the substantive answer comes back in the HTTP response itself. */
  public boolean isSynchronous() {
    return synchronous;
  }

  /** Whether a device's answer arrives later at the User's endpoint. */
  public boolean hasAsynchronousResponse() {
    return viaWan;
  }

  /** Whether the request is addressed to a device (all variants but 8). */
  public boolean isDeviceRequest() {
    return this != NON_DEVICE;
  }

  /** Whether this variant carries a pre-command the User has signed (5 to 7). */
  public boolean isSignedPreCommand() {
    return code >= 5 && code <= 7;
  }

  /** The web service that takes requests with this variant. */
  public WebService webService() {
    return webService;
  }

  /** The variant numbered {@code code}. */
  public static Optional<CommandVariant> fromCode(int code) {
    return code >= 1 && code <= 8 ? Optional.of(values()[code - 1]) : Optional.empty();
  }

  /**
   * Reads the decimal text of {@code CommandVariant}.
   *
   * @throws IllegalArgumentException when the text is not 1 to 8
   */
  public static CommandVariant parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.length() == 1 && s.charAt(0) >= '1' && s.charAt(0) <= '8') {
      return values()[s.charAt(0) - '1'];
    }
    throw new IllegalArgumentException("Not a command variant (1 to 8): '" + shorten(s) + "'");
  }

  private static String shorten(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
