package io.dccsim.core.value;

/**
 * A DUIS Service Reference such as {@code 12.1}: two numbers of one or two digits, no leading
 * zeros.
 *
 * @param major the first number, 1 to 99
 * @param minor the second number, 1 to 99
 */
public record ServiceReference(int major, int minor) {

  /** SR 12.1, Request WAN Matrix. */
  public static final ServiceReference REQUEST_WAN_MATRIX = new ServiceReference(12, 1);

  /** Checks both numbers are in 1..99. */
  public ServiceReference {
    checkPart("major", major);
    checkPart("minor", minor);
  }

  static void checkPart(String name, int value) {
    if (value < 1 || value > 99) {
      throw new IllegalArgumentException(
          "A service reference " + name + " number is 1 to 99, not " + value);
    }
  }

  /**
   * Reads {@code 12.1}.
   *
   * @throws IllegalArgumentException when the text is not two dotted numbers of 1-2 digits
   */
  public static ServiceReference parse(String text) {
    int[] parts = DottedNumbers.parse("service reference", text, 2, 2);
    return new ServiceReference(parts[0], parts[1]);
  }

  /** The dotted form, e.g. {@code 12.1}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
