package io.dccsim.benchmarks.extract;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.repository.CertificateChange;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A read-only repository of {@code size} device certificates made up on the fly: a scan holds one
 * record at a time, so it measures the extract writer, not the store. Each DER is {@value #DER}
 * bytes, about the size of a GBCS device certificate.
 */
final class SyntheticRepository implements CertificateRepository {
  static final int DER = 480;
  private static final Instant WHEN = Instant.parse("2021-06-24T00:00:00Z");

  private final long size;

  SyntheticRepository(long size) {
    this.size = size;
  }

  static CertificateRecord record(long i) {
    byte[] der = new byte[DER];
    long x = i * 0x9E3779B97F4A7C15L;
    for (int k = 0; k < der.length; k++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      der[k] = (byte) x;
    }
    return new CertificateRecord(
        BigInteger.valueOf(i).shiftLeft(64).or(BigInteger.valueOf(i & 0xFFFF)),
        "CN=Device CA,OU=07,O=dccsim",
        CertificateKind.DEVICE,
        Optional.empty(),
        Optional.of(Eui64.of(0x00DB000000000000L + i)),
        Optional.empty(),
        i % 2 == 0 ? CertificateUsage.DS : CertificateUsage.KA,
        CertificateStatus.IN_USE,
        WHEN,
        der);
  }

  @Override
  public long scan(Consumer<CertificateRecord> sink) {
    for (long i = 1; i <= size; i++) {
      sink.accept(record(i));
    }
    return size;
  }

  @Override
  public long lastSequence() {
    return size;
  }

  @Override
  public List<CertificateChange> changesAfter(long afterSequence, int limit) {
    return List.of();
  }

  @Override
  public long count() {
    return size;
  }

  @Override
  public long count(CertificateStatus status) {
    return status == CertificateStatus.IN_USE ? size : 0;
  }

  @Override
  public CertificateRecord add(CertificateRecord record) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public int addAll(List<CertificateRecord> records) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public Optional<CertificateRecord> findBySerial(BigInteger serial) {
    return Optional.empty();
  }

  @Override
  public Optional<CertificateRecord> findByIssuerAndSerial(String issuer, BigInteger serial) {
    return Optional.empty();
  }

  @Override
  public List<CertificateRecord> search(CertificateQuery query) {
    return List.of();
  }

  @Override
  public Optional<CertificateRecord> changeStatus(
      BigInteger serial, CertificateStatus status, Instant when) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public void close() {}
}
