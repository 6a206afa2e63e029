package io.dccsim.smki.repository;

/** The outbox contract in memory. */
class InMemoryOutboxStoreTest extends OutboxStoreContract {
  @Override
  protected OutboxStore newStore() {
    return new InMemoryOutboxStore();
  }
}
