package io.dccsim.core.value;

import java.util.Objects;

/**
 * A DUIS Service Reference Variant such as {@code 12.1} or {@code 6.15.1}: the Service Reference,
 * optionally refined by a third number.
 *
 * @param reference the Service Reference this variant belongs to
 * @param variant the third number, 1 to 99, or 0 when the variant has only two numbers
 */
public record ServiceReferenceVariant(ServiceReference reference, int variant) {

  /** SR 12.1, Request WAN Matrix (the variant is the reference itself). */
  public static final ServiceReferenceVariant REQUEST_WAN_MATRIX =
      new ServiceReferenceVariant(ServiceReference.REQUEST_WAN_MATRIX, 0);

  /** Checks the reference is present and the variant number is 0 (none) or 1 to 99. */
  public ServiceReferenceVariant {
    Objects.requireNonNull(reference, "reference");
    if (variant != 0) {
      ServiceReference.checkPart("variant", variant);
    }
  }

  /** The variant that is just {@code reference}, e.g. {@code 12.1}. */
  public static ServiceReferenceVariant of(ServiceReference reference) {
    return new ServiceReferenceVariant(reference, 0);
  }

  /**
   * Reads {@code 12.1} or {@code 6.15.1}.
   *
   * @throws IllegalArgumentException when the text is not two or three dotted numbers of 1-2 digits
   */
  public static ServiceReferenceVariant parse(String text) {
    int[] parts = DottedNumbers.parse("service reference variant", text, 2, 3);
    if (parts.length == 3 && parts[2] == 0) {
      throw new IllegalArgumentException(
          "Not a service reference variant: '" + text.strip() + "' (a variant number is 1 to 99)");
    }
    return new ServiceReferenceVariant(
        new ServiceReference(parts[0], parts[1]), parts.length == 3 ? parts[2] : 0);
  }

  /** Whether the variant has a third number. */
  public boolean hasVariantNumber() {
    return variant != 0;
  }

  /** The dotted form, e.g. {@code 6.15.1}. */
  @Override
  public String toString() {
    return variant == 0 ? reference.toString() : reference + "." + variant;
  }
}
