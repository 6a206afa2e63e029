package io.dccsim.core.value;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DUIS response code: {@code I} (information), {@code W} (warning) or {@code E} (error) and a
 * number. Common codes have one or two digits ({@code I0}, {@code E12}); Service Request specific
 * codes have six, {@code xxyyzz}, where {@code xx.yy} is the Service Reference ({@code E120101} is
 * the first error of SR 12.1).
 *
 * <p>Codes this library knows carry a meaning; others parse and round-trip with no meaning. The
 * meanings of the SR-specific codes are not public: this library defines them (see the constants
 * and docs/catalogue.md).
 */
public final class ResponseCode {

  /** The kind of outcome a code reports. */
  public enum Severity {
    INFORMATION('I'),
    WARNING('W'),
    ERROR('E');

    private final char letter;

    Severity(char letter) {
      this.letter = letter;
    }

    /** The code's leading letter. */
    public char letter() {
      return letter;
    }
  }

  private static final Map<String, ResponseCode> KNOWN = new LinkedHashMap<>();

  /** Success. */
  public static final ResponseCode I0 = known("I0", "Success");

  /**
   * Acknowledgement: a device request was accepted and will be answered later, or a non-device
   * request succeeded with no specific data to return.
   */
  public static final ResponseCode I99 = known("I99", "Acknowledgement");

  /** The sender is not a valid User in the User Role given. */
  public static final ResponseCode E1 = known("E1", "Not a valid User or User Role");

  /** The User Role may not send this Service Request. */
  public static final ResponseCode E2 = known("E2", "User Role not eligible for this request");

  /** The User's status does not allow the request. */
  public static final ResponseCode E3 = known("E3", "Invalid User status");

  /** The User is not authorised for the device. */
  public static final ResponseCode E4 = known("E4", "User not authorised for the device");

  /** The device's status does not allow the request. */
  public static final ResponseCode E5 = known("E5", "Device status does not allow the request");

  /** The Service Request is not valid for the device type. */
  public static final ResponseCode E11 = known("E11", "Service Request not valid for device type");

  /** The request and its command variant do not match. */
  public static final ResponseCode E12 = known("E12", "Request and command variant mismatch");

  /** The request was sent to the wrong web service. */
  public static final ResponseCode E13 = known("E13", "Wrong request type for this URL");

  /**
   * The request (or signed pre-command) is not available for local command services: the User Role
   * and device status do not permit a command for local delivery.
   */
  public static final ResponseCode E17 =
      known("E17", "Request not available for local delivery (role and device status)");

  /** The device does not exist. */
  public static final ResponseCode E19 = known("E19", "Device does not exist");

  /** Communications with the device failed. */
  public static final ResponseCode E20 = known("E20", "Communications failure");

  /** The device did not respond. */
  public static final ResponseCode E21 = known("E21", "No response from the device");

  /**
   * A signed pre-command (command variant 5, 6 or 7) whose RequestID names no pre-command the DCC
   * gave this User with command variant 4, or names one already used or forgotten (a project rule).
   */
  public static final ResponseCode E50 = known("E50", "No pre-command for this Request ID");

  /**
   * A signed pre-command whose GBCS, without its signature, is not the pre-command the DCC gave (a
   * project rule).
   */
  public static final ResponseCode E51 =
      known("E51", "Signed pre-command differs from the pre-command");

  /**
   * A signed pre-command whose signature does not verify with the User's Digital Signing
   * certificate in use in the SMKI repository, or whose User has none (a project rule).
   */
  public static final ResponseCode E52 = known("E52", "Pre-command signature invalid");

  /** SR 12.1: the address or UPRN is not known (this library's definition). */
  public static final ResponseCode E120101 = known("E120101", "Address or UPRN not found");

  /** SR 12.1: the postcode is not valid (this library's definition). */
  public static final ResponseCode E120102 = known("E120102", "Postcode invalid");

  /** SR 12.1: coverage data is unavailable (this library's definition). */
  public static final ResponseCode E120103 = known("E120103", "Coverage data unavailable");

  /** SR 5.1: service request not schedulable by this user (this library's definition). */
  public static final ResponseCode E050101 =
      known("E050101", "Service Request not schedulable by this User");

  /** SR 5.1: device not in the inventory (this library's definition). */
  public static final ResponseCode E050102 = known("E050102", "Device not in the inventory");

  /** SR 5.1: schedule dates invalid (this library's definition). */
  public static final ResponseCode E050103 = known("E050103", "Schedule dates invalid");

  /** SR 5.1: too many schedules (this library's definition). */
  public static final ResponseCode E050104 = known("E050104", "Too many schedules");

  /** SR 5.2: no schedule found (this library's definition). */
  public static final ResponseCode E050201 = known("E050201", "No schedule found");

  /** SR 5.3: no schedule found (this library's definition). */
  public static final ResponseCode E050301 = known("E050301", "No schedule found");

  /** SR 8.2: no device found (this library's definition). */
  public static final ResponseCode E080201 = known("E080201", "No device found");

  /** SR 8.2: more than 17 devices found (this library's definition). */
  public static final ResponseCode E080202 = known("E080202", "More than 17 devices found");

  /** SR 8.3: device not in the inventory (this library's definition). */
  public static final ResponseCode E080301 = known("E080301", "Device not in the inventory");

  /** SR 8.3: device status does not allow decommissioning (this library's definition). */
  public static final ResponseCode E080302 =
      known("E080302", "Device status does not allow decommissioning");

  /** SR 8.4: device not in the inventory (this library's definition). */
  public static final ResponseCode E080401 = known("E080401", "Device not in the inventory");

  /** SR 8.4: device is no longer only pre-notified (this library's definition). */
  public static final ResponseCode E080402 =
      known("E080402", "Device is no longer only pre-notified");

  /** SR 8.6: device not in the inventory (this library's definition). */
  public static final ResponseCode E080601 = known("E080601", "Device not in the inventory");

  /** SR 8.6: device type does not match the inventory (this library's definition). */
  public static final ResponseCode E080602 =
      known("E080602", "Device type does not match the inventory");

  /** SR 8.6: MPxNs do not match the inventory (this library's definition). */
  public static final ResponseCode E080603 = known("E080603", "MPxNs do not match the inventory");

  /** SR 8.13: original request not sent by this user (this library's definition). */
  public static final ResponseCode E081301 =
      known("E081301", "Original request not sent by this User");

  /** SR 8.13: device response is not a gbcs message (this library's definition). */
  public static final ResponseCode E081302 =
      known("E081302", "Device response is not a GBCS message");

  /** SR 8.14: device is not a communications hub in the inventory (this library's definition). */
  public static final ResponseCode E081401 =
      known("E081401", "Device is not a Communications Hub in the inventory");

  /** SR 8.14: communications hub status does not allow the update (this library's definition). */
  public static final ResponseCode E081402 =
      known("E081402", "Communications Hub status does not allow the update");

  /** SR 8.14: MPxN not in the inventory (this library's definition). */
  public static final ResponseCode E081403 = known("E081403", "MPxN not in the inventory");

  /** SR 11.1: firmware not sent to some devices (this library's definition). */
  public static final ResponseCode W110101 = known("W110101", "Firmware not sent to some devices");

  /** SR 11.1: firmware sent to no device (this library's definition). */
  public static final ResponseCode E110101 = known("E110101", "Firmware sent to no device");

  /** SR 11.4: firmware not sent to some ppmids (this library's definition). */
  public static final ResponseCode W110401 = known("W110401", "Firmware not sent to some PPMIDs");

  /** SR 11.4: firmware sent to no ppmid (this library's definition). */
  public static final ResponseCode E110401 = known("E110401", "Firmware sent to no PPMID");

  /** SR 12.2: device already in the inventory (this library's definition). */
  public static final ResponseCode E120201 = known("E120201", "Device already in the inventory");

  /** SR 12.2: device type cannot be pre-notified (this library's definition). */
  public static final ResponseCode E120202 = known("E120202", "Device type cannot be pre-notified");

  /** SR 12.2: ESME variant given for a device that is not an ESME (this library's definition). */
  public static final ResponseCode E120203 =
      known("E120203", "ESME variant given for a device that is not an ESME");

  /** SR 12.2: associated gpf invalid (this library's definition). */
  public static final ResponseCode E120204 = known("E120204", "Associated GPF invalid");

  private final String code;
  private final String meaning;

  private ResponseCode(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  private static ResponseCode known(String code, String meaning) {
    ResponseCode c = new ResponseCode(code, meaning);
    KNOWN.put(code, c);
    return c;
  }

  /**
   * Reads a code: a known one, {@code I}/{@code W}/{@code E} followed by 1 to 3 digits without
   * leading zeros, or {@code W}/{@code E} followed by exactly 6 digits (SR-specific). Letters are
   * upper case, as DUIS writes them.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static ResponseCode parse(String text) {
    Objects.requireNonNull(text, "text");
    ResponseCode k = KNOWN.get(text);
    if (k != null) {
      return k;
    }
    int n = text.length();
    if (n < 2 || n > 7 || severityOf(text.charAt(0)) == null) {
      throw invalid(text);
    }
    for (int i = 1; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(text);
      }
    }
    int digits = n - 1;
    boolean common = digits <= 3 && (digits == 1 || text.charAt(1) != '0');
    boolean specific = digits == 6 && text.charAt(0) != 'I' && specificReferenceValid(text);
    if (!common && !specific) {
      throw invalid(text);
    }
    return new ResponseCode(text, null);
  }

  private static boolean specificReferenceValid(String text) {
    // xx.yy must be a plausible service reference: both parts 1..99
    int xx = Integer.parseInt(text, 1, 3, 10);
    int yy = Integer.parseInt(text, 3, 5, 10);
    return xx >= 1 && yy >= 1;
  }

  private static Severity severityOf(char c) {
    switch (c) {
      case 'I':
        return Severity.INFORMATION;
      case 'W':
        return Severity.WARNING;
      case 'E':
        return Severity.ERROR;
      default:
        return null;
    }
  }

  private static IllegalArgumentException invalid(String text) {
    String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
    return new IllegalArgumentException(
        "Not a DUIS response code: '"
            + shown
            + "' (expected I, W or E with 1-3 digits, or W or E with 6 digits)");
  }

  /** The codes this library gives a meaning, in declaration order. */
  public static Collection<ResponseCode> known() {
    return Collections.unmodifiableCollection(KNOWN.values());
  }

  /** The code as written in XML, e.g. {@code E120101}. */
  public String code() {
    return code;
  }

  /** What the code means, where this library knows. */
  public Optional<String> meaning() {
    return Optional.ofNullable(meaning);
  }

  /** Information, warning or error. */
  public Severity severity() {
    return severityOf(code.charAt(0));
  }

  /** Whether this is {@code I0}. */
  public boolean isSuccess() {
    return code.equals("I0");
  }

  /** Whether this is an error ({@code E...}). */
  public boolean isError() {
    return code.charAt(0) == 'E';
  }

  /** For a six-digit SR-specific code, the Service Reference it belongs to ({@code 12.1}). */
  public Optional<ServiceReference> serviceReference() {
    if (code.length() != 7) {
      return Optional.empty();
    }
    return Optional.of(
        new ServiceReference(Integer.parseInt(code, 1, 3, 10), Integer.parseInt(code, 3, 5, 10)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseCode other && other.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }
}
