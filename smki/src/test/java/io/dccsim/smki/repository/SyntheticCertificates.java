package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Synthetic {@link CertificateRecord}s for repository tests: plausible metadata and random bytes in
 * place of DER. Small EUI and serial spaces are used on purpose so that searches and duplicate adds
 * collide. Shared through the module's test-jar.
 */
public final class SyntheticCertificates {

  /** The issuer of organisation certificates made here. */
  public static final String ORGANISATION_CA = "CN=Test Organisation CA,OU=07,O=dccsim";

  /** The issuer of device certificates made here. */
  public static final String DEVICE_CA = "CN=Test Device CA,OU=07,O=dccsim";

  /** The issuer of authority certificates made here (self-signed root). */
  public static final String ROOT_CA = "CN=Test Root,OU=00,O=dccsim";

  /** A fixed instant for records whose status time does not matter. */
  public static final Instant T0 = Instant.parse("2021-06-24T00:00:00Z");

  /** A small set of organisation EUIs. */
  public static final List<Eui64> ORGANISATION_EUIS =
      List.of(
          Eui64.parse("90-B3-D5-1F-30-01-00-00"),
          Eui64.parse("90-B3-D5-1F-30-02-00-00"),
          Eui64.parse("90-B3-D5-1F-30-03-00-00"));

  /** A small set of device EUIs. */
  public static final List<Eui64> DEVICE_EUIS =
      List.of(
          Eui64.parse("00-DB-12-34-56-78-90-A0"),
          Eui64.parse("00-DB-12-34-56-78-90-A1"),
          Eui64.parse("00-DB-12-34-56-78-90-A2"),
          Eui64.parse("00-DB-12-34-56-78-90-A3"));

  private SyntheticCertificates() {}

  /** An organisation certificate record. */
  public static CertificateRecord organisation(
      long serial,
      Eui64 eui,
      RemotePartyRole role,
      CertificateUsage usage,
      CertificateStatus status) {
    return new CertificateRecord(
        BigInteger.valueOf(serial),
        ORGANISATION_CA,
        CertificateKind.ORGANISATION,
        Optional.of(eui),
        Optional.empty(),
        Optional.of(role),
        usage,
        status,
        T0,
        der(serial, 300));
  }

  /** A device certificate record. */
  public static CertificateRecord device(
      long serial, Eui64 eui, CertificateUsage usage, CertificateStatus status) {
    return new CertificateRecord(
        BigInteger.valueOf(serial),
        DEVICE_CA,
        CertificateKind.DEVICE,
        Optional.empty(),
        Optional.of(eui),
        Optional.empty(),
        usage,
        status,
        T0,
        der(serial, 450));
  }

  /** An authority certificate record (a Root). */
  public static CertificateRecord authority(long serial, Eui64 eui) {
    return new CertificateRecord(
        BigInteger.valueOf(serial),
        ROOT_CA,
        CertificateKind.AUTHORITY,
        Optional.of(eui),
        Optional.empty(),
        Optional.of(RemotePartyRole.ROOT),
        CertificateUsage.DS,
        CertificateStatus.IN_USE,
        T0,
        der(serial, 400));
  }

  /** A random record of any kind, its serial drawn from {@code 1..serialBound}. */
  public static CertificateRecord random(Random random, long serialBound) {
    long serial = 1 + (long) (random.nextDouble() * serialBound);
    CertificateUsage usage = random.nextBoolean() ? CertificateUsage.DS : CertificateUsage.KA;
    CertificateStatus status =
        CertificateStatus.values()[random.nextInt(CertificateStatus.values().length)];
    if (random.nextBoolean()) {
      return device(serial, DEVICE_EUIS.get(random.nextInt(DEVICE_EUIS.size())), usage, status);
    }
    RemotePartyRole role =
        List.of(
                RemotePartyRole.SUPPLIER,
                RemotePartyRole.NETWORK_OPERATOR,
                RemotePartyRole.XML_SIGN)
            .get(random.nextInt(3));
    return organisation(
        serial,
        ORGANISATION_EUIS.get(random.nextInt(ORGANISATION_EUIS.size())),
        role,
        usage,
        status);
  }

  /** Random records as a jqwik arbitrary, serials from {@code 1..serialBound}. */
  public static Arbitrary<CertificateRecord> records(long serialBound) {
    Arbitrary<Long> serials = Arbitraries.longs().between(1, serialBound);
    Arbitrary<CertificateUsage> usages = Arbitraries.of(CertificateUsage.class);
    Arbitrary<CertificateStatus> statuses = Arbitraries.of(CertificateStatus.class);
    Arbitrary<CertificateRecord> devices =
        Combinators.combine(serials, Arbitraries.of(DEVICE_EUIS), usages, statuses)
            .as(SyntheticCertificates::device);
    Arbitrary<CertificateRecord> organisations =
        Combinators.combine(
                serials,
                Arbitraries.of(ORGANISATION_EUIS),
                Arbitraries.of(
                    RemotePartyRole.SUPPLIER,
                    RemotePartyRole.NETWORK_OPERATOR,
                    RemotePartyRole.XML_SIGN),
                usages,
                statuses)
            .as(SyntheticCertificates::organisation);
    return Arbitraries.oneOf(devices, organisations);
  }

  /** Deterministic bytes standing in for a certificate's DER. */
  public static byte[] der(long serial, int length) {
    byte[] der = new byte[length];
    new Random(serial * 31 + length).nextBytes(der);
    der[0] = 0x30;
    return der;
  }
}
