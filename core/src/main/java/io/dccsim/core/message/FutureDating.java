package io.dccsim.core.message;

import java.util.Optional;

/**
 * Whether a Service Request may carry a future execution date, and who holds it until then: the DCC
 * (DSP) or the device itself.
 */
public enum FutureDating {
  /** Executed on receipt only. */
  NONE("no"),
  /** The DCC holds the request and sends it on the date asked for. */
  DSP("dsp"),
  /** The command carries the date and the device acts on it. */
  DEVICE("device"),
  /** Either way, depending on the request's contents. */
  DSP_AND_DEVICE("dsp+device");

  private final String token;

  FutureDating(String token) {
    this.token = token;
  }

  /** The word the catalogue file uses, e.g. {@code dsp}. */
  public String token() {
    return token;
  }

  /** Whether a future date may be given at all. */
  public boolean allowsFutureDate() {
    return this != NONE;
  }

  /** The value written {@code token}, exactly. */
  public static Optional<FutureDating> fromToken(String token) {
    for (FutureDating f : values()) {
      if (f.token.equals(token)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
