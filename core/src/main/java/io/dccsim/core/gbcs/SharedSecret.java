package io.dccsim.core.gbcs;

import io.dccsim.core.signature.EcP256;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * The ECDH shared secret Z of two Key Agreement keys on P-256 (32 bytes): for a device's message,
 * the device's private key with the User's public key, or the User's private key with the public
 * key of the device's certificate, which give the same Z. {@link #toString()} does not show it.
 *
 * @param z the 32 bytes
 */
public record SharedSecret(Octets z) {
  /**
   * A shared secret.
   *
   * @throws IllegalArgumentException unless 32 bytes
   */
  public SharedSecret {
    Objects.requireNonNull(z, "z");
    if (z.length() != EcP256.SHARED_SECRET_LENGTH) {
      throw new IllegalArgumentException("Z is 32 bytes, not " + z.length());
    }
  }

  /**
   * ECDH on P-256 between {@code own} (a Key Agreement private key) and {@code peer} (the other
   * party's Key Agreement public key).
   *
   * @throws IllegalArgumentException when either key is not on P-256
   */
  public static SharedSecret agree(PrivateKey own, PublicKey peer) {
    return new SharedSecret(Octets.wrap(EcP256.sharedSecret(own, peer)));
  }

  @Override
  public String toString() {
    return "SharedSecret[32 bytes]";
  }
}
