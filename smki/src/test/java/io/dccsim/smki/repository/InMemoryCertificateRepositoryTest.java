package io.dccsim.smki.repository;

class InMemoryCertificateRepositoryTest extends CertificateRepositoryContract {

  @Override
  protected CertificateRepository newRepository() {
    return new InMemoryCertificateRepository();
  }

  @Override
  protected boolean keepsSimulatorState() {
    return false;
  }
}
