package io.dccsim.core.gbcs;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** P-256 keys for the tests: from a scalar or an uncompressed point in hex, or fresh. */
final class P256Keys {
  static final ECParameterSpec P256 = params();

  private P256Keys() {}

  static PrivateKey privateKey(String scalarHex) {
    try {
      return KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(new BigInteger(scalarHex, 16), P256));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKey publicKey(String uncompressedHex) {
    byte[] p = HexFormat.of().parseHex(uncompressedHex);
    if (p.length != 65 || p[0] != 0x04) {
      throw new IllegalArgumentException("not an uncompressed P-256 point: " + uncompressedHex);
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(p, 1, 33));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(p, 33, 65));
    try {
      return KeyFactory.getInstance("EC")
          .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair fresh() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECParameterSpec params() {
    try {
      AlgorithmParameters a = AlgorithmParameters.getInstance("EC");
      a.init(new ECGenParameterSpec("secp256r1"));
      return a.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
