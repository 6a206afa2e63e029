package io.dccsim.smki.pki.internal;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA1Digest;

/**
 * The 8-octet key identifiers GBCS requires, computed by RFC 5280 section 4.2.1.2 method 2: the
 * four-bit type field {@code 0100} followed by the least significant 60 bits of the SHA-1 hash of
 * the subjectPublicKey BIT STRING's value (the uncompressed EC point, excluding tag, length and
 * unused-bits octet).
 */
public final class KeyIdentifiers {
  /** The length GBCS requires. */
  public static final int LENGTH = 8;

  private KeyIdentifiers() {}

  /** The key identifier of this public key. */
  public static byte[] of(SubjectPublicKeyInfo key) {
    byte[] point = key.getPublicKeyData().getBytes();
    SHA1Digest sha1 = new SHA1Digest();
    sha1.update(point, 0, point.length);
    byte[] hash = new byte[sha1.getDigestSize()];
    sha1.doFinal(hash, 0);
    byte[] id = new byte[LENGTH];
    System.arraycopy(hash, hash.length - LENGTH, id, 0, LENGTH);
    id[0] = (byte) (0x40 | (id[0] & 0x0F));
    return id;
  }
}
