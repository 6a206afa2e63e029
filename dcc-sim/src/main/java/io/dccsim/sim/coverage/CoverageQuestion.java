package io.dccsim.sim.coverage;

import io.dccsim.core.value.Postcode;
import io.dccsim.sim.coverage.internal.PostcodeKey;
import java.util.Locale;
import java.util.Objects;

/** The question SR 12.1 asks: a partial address (postcode and address identifier) or a UPRN. */
public sealed interface CoverageQuestion {

  /** The question as one stable text, e.g. {@code P|M22 0RR|THREAPWOOD ROAD} or {@code U|1234}. */
  String normalisedKey();

  /**
   * A partial address. The postcode is kept as written; the coverage model decides whether it is
   * valid.
   *
   * @param postcode the postcode as the request wrote it
   * @param addressIdentifier the address identifier (house number or name, street)
   */
  record ByAddress(String postcode, String addressIdentifier) implements CoverageQuestion {
    /** Validates. */
    public ByAddress {
      Objects.requireNonNull(postcode, "postcode");
      Objects.requireNonNull(addressIdentifier, "addressIdentifier");
    }

    @Override
    public String normalisedKey() {
      String pc = PostcodeKey.parse(postcode).map(Postcode::toString).orElse(postcode.trim());
      String address = addressIdentifier.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
      return "P|" + pc + "|" + address;
    }
  }

  /**
   * A Unique Property Reference Number.
   *
   * @param uprn positive, up to 12 digits
   */
  record ByUprn(long uprn) implements CoverageQuestion {
    /** The largest UPRN (12 digits). */
    public static final long MAX_UPRN = 999_999_999_999L;

    /** Validates. */
    public ByUprn {
      if (uprn < 1 || uprn > MAX_UPRN) {
        throw new IllegalArgumentException("A UPRN is 1 to 12 digits: " + uprn);
      }
    }

    @Override
    public String normalisedKey() {
      return "U|" + uprn;
    }
  }
}
