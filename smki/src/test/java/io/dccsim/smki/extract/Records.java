package io.dccsim.smki.extract;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Certificate records for extract tests. */
final class Records {
  static final Instant T0 = Instant.parse("2021-06-24T00:00:00Z");

  private Records() {}

  /** A deterministic device or organisation record for {@code serial}. */
  static CertificateRecord record(long serial, CertificateStatus status) {
    byte[] der = new byte[200 + (int) (serial % 300)];
    for (int i = 0; i < der.length; i++) {
      der[i] = (byte) (serial * 31 + i);
    }
    boolean device = serial % 3 != 0;
    return new CertificateRecord(
        BigInteger.valueOf(serial),
        device ? "CN=Test Device CA,OU=07,O=dccsim" : "CN=Test Organisation CA,OU=07,O=dccsim",
        device ? CertificateKind.DEVICE : CertificateKind.ORGANISATION,
        device ? Optional.empty() : Optional.of(Eui64.of(0x90B3D51F30000000L + serial)),
        device ? Optional.of(Eui64.of(0x00DB000000000000L + serial)) : Optional.empty(),
        device ? Optional.empty() : Optional.of(RemotePartyRole.SUPPLIER),
        serial % 2 == 0 ? CertificateUsage.DS : CertificateUsage.KA,
        status,
        T0.plusSeconds(serial),
        der);
  }

  /** Arbitrary records covering every field's variety. */
  static Arbitrary<CertificateRecord> arbitrary() {
    Arbitrary<BigInteger> serial =
        Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TWO.pow(159));
    Arbitrary<String> issuer = Arbitraries.strings().ofMinLength(1).ofMaxLength(80);
    Arbitrary<Optional<Eui64>> eui = Arbitraries.longs().map(Eui64::of).optional();
    Arbitrary<Optional<RemotePartyRole>> role = Arbitraries.of(RemotePartyRole.class).optional();
    Arbitrary<Instant> when =
        Arbitraries.longs()
            .between(0, 4_000_000_000L)
            .flatMap(
                s ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(s, n)));
    Arbitrary<byte[]> der =
        Arbitraries.bytes()
            .list()
            .ofMaxSize(2000)
            .map(
                l -> {
                  byte[] b = new byte[l.size()];
                  for (int i = 0; i < b.length; i++) {
                    b[i] = l.get(i);
                  }
                  return b;
                });
    return Combinators.combine(
            serial,
            issuer,
            Arbitraries.of(CertificateKind.class),
            eui,
            eui,
            role,
            Arbitraries.of(CertificateUsage.class),
            Arbitraries.of(CertificateStatus.class))
        .as(
            (s, i, k, se, ae, r, u, st) ->
                new CertificateRecord(s, i, k, se, ae, r, u, st, T0, new byte[0]))
        .flatMap(
            r ->
                Combinators.combine(when, der)
                    .as(
                        (w, d) ->
                            new CertificateRecord(
                                r.serial(),
                                r.issuer(),
                                r.kind(),
                                r.subjectEui(),
                                r.subjectAltNameEui(),
                                r.role(),
                                r.usage(),
                                r.status(),
                                w,
                                d)));
  }

  /**
   * Publishes a chain of four into {@code dir}: a full extract of certificate 1, then deltas adding
   * certificate 2, revoking 1, and adding 3 (pending). The file names, oldest first.
   */
  static List<ExtractFileName> publishChainOfFour(InMemoryCertificateRepository repo, Path dir) {
    ExtractPublisher p =
        new ExtractPublisher(
            repo,
            new ExtractDirectory(dir),
            SimulatedClock.fixed(T0),
            RetentionPolicy.keepFullExtracts(5),
            1000);
    repo.add(record(1, CertificateStatus.IN_USE));
    p.publish(ExtractKind.FULL, Optional.empty());
    repo.add(record(2, CertificateStatus.IN_USE));
    p.publish(ExtractKind.DELTA, Optional.empty());
    repo.changeStatus(BigInteger.ONE, CertificateStatus.REVOKED, T0);
    p.publish(ExtractKind.DELTA, Optional.empty());
    repo.add(record(3, CertificateStatus.PENDING));
    p.publish(ExtractKind.DELTA, Optional.empty());
    return p.directory().names();
  }
}
