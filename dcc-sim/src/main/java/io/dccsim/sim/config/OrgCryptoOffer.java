package io.dccsim.sim.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where {@code GET /assets/crypto/org-crypto.zip} (the test Users' certificates and private keys)
 * is offered: the {@code org-crypto} setting.
 */
public enum OrgCryptoOffer {
  /** Only when the SMKI port listens on a loopback address (the default). */
  LOOPBACK,
  /** Whatever address the SMKI port listens on. */
  ANY,
  /** Never. */
  OFF;

  /** The value as written in the settings. */
  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return settingValue();
  }

  /**
   * Reads a setting value, case-insensitively.
   *
   * @throws IllegalArgumentException naming the values allowed
   */
  public static OrgCryptoOffer parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (OrgCryptoOffer o : values()) {
      if (o.settingValue().equals(v)) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "org-crypto: expected one of " + Arrays.toString(values()) + ", not '" + value + "'");
  }
}
