package io.dccsim.smki.repository;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

class H2FileCertificateRepositoryTest extends CertificateRepositoryContract {

  @TempDir static Path stores;
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  protected CertificateRepository newRepository() {
    return CertificateRepositories.h2File(stores.resolve("store-" + NEXT.incrementAndGet()));
  }
}
