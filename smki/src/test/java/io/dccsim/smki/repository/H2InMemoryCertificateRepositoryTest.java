package io.dccsim.smki.repository;

import java.util.UUID;

class H2InMemoryCertificateRepositoryTest extends CertificateRepositoryContract {

  @Override
  protected CertificateRepository newRepository() {
    return CertificateRepositories.h2InMemory("contract-" + UUID.randomUUID());
  }
}
