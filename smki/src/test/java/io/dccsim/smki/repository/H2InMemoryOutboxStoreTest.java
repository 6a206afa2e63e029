package io.dccsim.smki.repository;

import java.util.UUID;

/** The outbox contract on a private in-memory H2 database. */
class H2InMemoryOutboxStoreTest extends OutboxStoreContract {
  private CertificateRepository repo;

  @Override
  protected OutboxStore newStore() {
    repo = CertificateRepositories.h2InMemory("outbox-" + UUID.randomUUID());
    return repo.outbox().orElseThrow();
  }

  @Override
  protected void release() {
    repo.close();
  }
}
