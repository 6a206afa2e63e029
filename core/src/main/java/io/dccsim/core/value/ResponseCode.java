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
 * meanings of the SR 12.1 codes are not public: this library defines them (see the constants).
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

  /** SR 12.1: the address or UPRN is not known (this library's definition). */
  public static final ResponseCode E120101 = known("E120101", "Address or UPRN not found");

  /** SR 12.1: the postcode is not valid (this library's definition). */
  public static final ResponseCode E120102 = known("E120102", "Postcode invalid");

  /** SR 12.1: coverage data is unavailable (this library's definition). */
  public static final ResponseCode E120103 = known("E120103", "Coverage data unavailable");

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
