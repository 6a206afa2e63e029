package io.dccsim.core.message;

import io.dccsim.core.value.Postcode;
import java.util.Objects;
import java.util.Optional;

/**
 * An SR 12.1 partial address: a postcode and an address identifier (house name or number, or
 * street). The postcode is kept as sent, so that a request with a malformed postcode can still be
 * read and answered with the SR-specific error rather than refused as malformed XML.
 *
 * @param postCode the postcode text as sent, 1 to 8 characters (DUIS: 6 to 8)
 * @param addressIdentifier the address identifier, at most 30 characters
 */
public record PartialAddress(String postCode, String addressIdentifier) {
  /** The longest postcode text. */
  public static final int MAX_POSTCODE_LENGTH = 8;

  /** The longest address identifier. */
  public static final int MAX_ADDRESS_IDENTIFIER_LENGTH = 30;

  /** Checks both parts are present and within their lengths. */
  public PartialAddress {
    Objects.requireNonNull(postCode, "postCode");
    Objects.requireNonNull(addressIdentifier, "addressIdentifier");
    int p = postCode.codePointCount(0, postCode.length());
    if (p < 1 || p > MAX_POSTCODE_LENGTH) {
      throw new IllegalArgumentException(
          "A PostCode has 1 to " + MAX_POSTCODE_LENGTH + " characters, not " + p);
    }
    int a = addressIdentifier.codePointCount(0, addressIdentifier.length());
    if (a > MAX_ADDRESS_IDENTIFIER_LENGTH) {
      throw new IllegalArgumentException(
          "An AddressIdentifier has at most "
              + MAX_ADDRESS_IDENTIFIER_LENGTH
              + " characters, not "
              + a);
    }
  }

  /** A partial address with a valid postcode, written in its normal form. */
  public static PartialAddress of(Postcode postcode, String addressIdentifier) {
    return new PartialAddress(postcode.toString(), addressIdentifier);
  }

  /** The postcode, when the text sent is a valid one. */
  public Optional<Postcode> postcode() {
    try {
      return Optional.of(Postcode.parse(postCode));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
