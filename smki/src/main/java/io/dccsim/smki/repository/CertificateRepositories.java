package io.dccsim.smki.repository;

import java.nio.file.Path;

/**
 * Opens certificate repositories.
 *
 * <pre>{@code
 * try (CertificateRepository repo = CertificateRepositories.h2File(Path.of("data/smki"))) {
 *   repo.add(record);
 * }
 * }</pre>
 */
public final class CertificateRepositories {

  private CertificateRepositories() {}

  /**
   * Opens the repository {@code config} describes, creating or migrating its tables as needed.
   *
   * @throws CertificateRepositoryException when the database cannot be reached or migrated
   */
  public static CertificateRepository open(RepositoryConfig config) {
    return switch (config.store()) {
      case IN_MEMORY -> new InMemoryCertificateRepository();
      case H2, POSTGRESQL -> JdbcCertificateRepository.open(config);
    };
  }

  /** A new, empty in-memory repository. */
  public static CertificateRepository inMemory() {
    return new InMemoryCertificateRepository();
  }

  /** The H2 file store in {@code directory}; see {@link RepositoryConfig#h2File}. */
  public static CertificateRepository h2File(Path directory) {
    return open(RepositoryConfig.h2File(directory));
  }

  /** A private in-memory H2 database; see {@link RepositoryConfig#h2InMemory}. */
  public static CertificateRepository h2InMemory(String name) {
    return open(RepositoryConfig.h2InMemory(name));
  }

  /** A PostgreSQL store; see {@link RepositoryConfig#postgres}. */
  public static CertificateRepository postgres(
      String url, String user, String password, String schema) {
    return open(RepositoryConfig.postgres(url, user, password, schema));
  }
}
