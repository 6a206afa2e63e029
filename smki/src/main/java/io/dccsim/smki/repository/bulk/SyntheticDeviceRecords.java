package io.dccsim.smki.repository.bulk;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Device certificate records made up for load tests: the metadata of a device certificate and
 * random bytes standing in for its DER encoding. Deterministic for a given seed, so a load can be
 * repeated and its records looked up again.
 *
 * <p>Record {@code i} (from 0) has device EUI {@code firstDeviceEui + i}, a serial whose low 32
 * bits are {@code i + 1} under 63 random high bits (unique for up to 2^32 - 1 records, positive,
 * and spread like random serials), usage alternating KA, DS, status {@code IN_USE}, and {@code
 * derLength} random bytes.
 *
 * @param seed the seed of the random serials and bytes
 * @param issuer the issuer name written into every record (a Device CA)
 * @param firstDeviceEui the EUI of record 0
 * @param derLength how many random bytes stand in for each certificate (a real one is ~450)
 * @param statusChangedAt the status time of every record
 */
public record SyntheticDeviceRecords(
    long seed, String issuer, Eui64 firstDeviceEui, int derLength, Instant statusChangedAt) {

  /** The issuer used by {@link #withSeed(long)}. */
  public static final String DEFAULT_ISSUER = "CN=dccsim Synthetic Device CA,OU=07";

  /** The first device EUI used by {@link #withSeed(long)}. */
  public static final Eui64 DEFAULT_FIRST_EUI = Eui64.parse("00-DC-C5-13-00-00-00-00");

  /** Validates. */
  public SyntheticDeviceRecords {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(firstDeviceEui, "firstDeviceEui");
    Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    if (derLength <= 0 || derLength > 16_384) {
      throw new IllegalArgumentException("derLength must be 1..16384: " + derLength);
    }
  }

  /** Records with this seed and defaults for everything else (450 bytes of DER each). */
  public static SyntheticDeviceRecords withSeed(long seed) {
    return new SyntheticDeviceRecords(
        seed, DEFAULT_ISSUER, DEFAULT_FIRST_EUI, 450, Instant.parse("2021-06-24T00:00:00Z"));
  }

  /** Record number {@code index} (0-based). */
  public CertificateRecord record(long index) {
    checkIndex(index);
    SplittableRandom random = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
    byte[] der = new byte[derLength];
    random.nextBytes(der);
    der[0] = 0x30; // looks like the start of a DER SEQUENCE
    return new CertificateRecord(
        serial(index),
        issuer,
        CertificateKind.DEVICE,
        Optional.empty(),
        Optional.of(deviceEui(index)),
        Optional.empty(),
        index % 2 == 0 ? CertificateUsage.KA : CertificateUsage.DS,
        CertificateStatus.IN_USE,
        statusChangedAt,
        der);
  }

  /** The serial of record {@code index}. */
  public BigInteger serial(long index) {
    checkIndex(index);
    long high = new SplittableRandom(seed + index).nextLong() >>> 1;
    return BigInteger.valueOf(high).shiftLeft(32).or(BigInteger.valueOf(index + 1));
  }

  /** The device EUI of record {@code index}. */
  public Eui64 deviceEui(long index) {
    checkIndex(index);
    return Eui64.of(firstDeviceEui.value() + index);
  }

  private static void checkIndex(long index) {
    if (index < 0 || index >= 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("index must be 0..2^32-2: " + index);
    }
  }
}
