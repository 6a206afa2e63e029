package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsWriter;
import io.dccsim.core.value.Eui64;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The NIST SP 800-56A one-step key derivation with SHA-256 as GBCS uses it: the key is the first 16
 * bytes of SHA-256({@code 00 00 00 01} || Z || OtherInfo), where OtherInfo is the algorithm ID
 * {@code 60 85 74 06 08 03 00}, the originator's system title, {@code 09}, the mode byte, the
 * originator counter (8 bytes) and the recipient's system title.
 */
public final class KeyDerivation {
  private static final byte[] ALGORITHM_ID = {0x60, (byte) 0x85, 0x74, 0x06, 0x08, 0x03, 0x00};
  private static final byte[] ROUND_ONE = {0, 0, 0, 1};
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(KeyDerivation::newSha256);

  private KeyDerivation() {}

  /** The OtherInfo of the derivation (33 bytes). */
  public static byte[] otherInfo(
      Eui64 originator, KeyDerivationMode mode, long counter, Eui64 recipient) {
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(recipient, "recipient");
    return new GbcsWriter(33)
        .bytes(ALGORITHM_ID)
        .bytes(originator.toBytes())
        .u8(0x09)
        .u8(mode.code())
        .u64(counter)
        .bytes(recipient.toBytes())
        .toByteArray();
  }

  /**
   * The key for {@code mode} between {@code originator} and {@code recipient} at {@code counter}.
   */
  public static DerivedKey derive(
      SharedSecret z, KeyDerivationMode mode, Eui64 originator, long counter, Eui64 recipient) {
    Objects.requireNonNull(z, "z");
    MessageDigest sha256 = SHA256.get();
    sha256.reset();
    sha256.update(ROUND_ONE);
    sha256.update(z.z().unsafeBytes());
    sha256.update(otherInfo(originator, mode, counter, recipient));
    return new DerivedKey(Octets.wrap(Arrays.copyOf(sha256.digest(), DerivedKey.LENGTH)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /**
   * The MAC key of {@code apdu}: the mode of its CRA flag, its originator, originator counter and
   * recipient.
   */
  public static DerivedKey macKey(SharedSecret z, GeneralSigning apdu) {
    return derive(
        z,
        KeyDerivationMode.forMac(apdu.cra()),
        apdu.originator(),
        apdu.originatorCounter(),
        apdu.recipient());
  }

  /**
   * The key of {@code apdu}'s sensitive data: mode {@code 04}, its originator, and the
   * supplementary remote party and its counter where the other information has them (the DSP
   * originated the command for that User), else the recipient and the originator counter.
   */
  public static DerivedKey encryptionKey(SharedSecret z, GeneralSigning apdu) {
    var party = apdu.otherInformation().supplementaryRemoteParty();
    return derive(
        z,
        KeyDerivationMode.ENCRYPTION,
        apdu.originator(),
        party.map(SupplementaryRemoteParty::counter).orElse(apdu.originatorCounter()),
        party.map(SupplementaryRemoteParty::id).orElse(apdu.recipient()));
  }
}
