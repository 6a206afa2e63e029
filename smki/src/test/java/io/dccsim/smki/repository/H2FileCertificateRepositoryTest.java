package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.dccsim.core.value.Eui64;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FileCertificateRepositoryTest extends CertificateRepositoryContract {

  @TempDir static Path stores;
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  protected CertificateRepository newRepository() {
    return CertificateRepositories.h2File(stores.resolve("store-" + NEXT.incrementAndGet()));
  }

  @Test
  void requestCountersOutliveAReopen() {
    Path dir = stores.resolve("reopened");
    Eui64 supplier = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    try (CertificateRepository first = CertificateRepositories.h2File(dir)) {
      first.requestCounters().orElseThrow().save(Map.of(supplier, 1_638_835_200_000_000L));
    }
    try (CertificateRepository again = CertificateRepositories.h2File(dir)) {
      assertThat(again.requestCounters().orElseThrow().load())
          .containsExactly(entry(supplier, 1_638_835_200_000_000L));
    }
  }

  @Test
  void userRegistrationsOutliveAReopen() {
    Path dir = stores.resolve("reopened-users");
    Eui64 gas = Eui64.parse("90-B3-D5-1F-30-04-00-00");
    try (CertificateRepository first = CertificateRepositories.h2File(dir)) {
      first.userRegistrations().orElseThrow().save(gas, Optional.of("GAS_SUPPLIER"));
    }
    try (CertificateRepository again = CertificateRepositories.h2File(dir)) {
      assertThat(again.userRegistrations().orElseThrow().load())
          .containsExactly(entry(gas, Optional.of("GAS_SUPPLIER")));
    }
  }
}
