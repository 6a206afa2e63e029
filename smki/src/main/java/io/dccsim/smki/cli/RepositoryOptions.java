package io.dccsim.smki.cli;

import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.RepositoryConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the certificate repository is: a directory (an H2 file store inside it) or a JDBC URL
 * ({@code jdbc:h2:...}, {@code jdbc:postgresql://...}).
 */
public final class RepositoryOptions {
  @Option(
      names = "--repository",
      paramLabel = "DIR|URL",
      description = "Repository: a directory for the embedded H2 store, or a JDBC URL.")
  String location;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user (JDBC URLs).")
  String user;

  @Option(
      names = "--db-password-env",
      paramLabel = "VAR",
      description = "Name of an environment variable holding the database password.")
  String passwordVariable;

  @Option(
      names = "--db-schema",
      paramLabel = "SCHEMA",
      description = "Database schema for the tables (created if absent).")
  String schema;

  /** Whether {@code --repository} was given. */
  boolean given() {
    return location != null;
  }

  /** The repository configuration these options describe. */
  RepositoryConfig config() {
    if (location == null) {
      throw new IllegalArgumentException("This command needs --repository DIR|URL");
    }
    if (!location.startsWith("jdbc:") && !location.equals(RepositoryConfig.IN_MEMORY_URL)) {
      return RepositoryConfig.h2File(Path.of(location));
    }
    String password = passwordVariable == null ? "" : System.getenv(passwordVariable);
    boolean h2File = location.startsWith("jdbc:h2:file:") || location.startsWith("jdbc:h2:./");
    boolean postgres = location.startsWith("jdbc:postgresql:");
    return new RepositoryConfig(
        location,
        user != null ? user : (postgres ? "postgres" : "sa"),
        password == null ? "" : password,
        Optional.ofNullable(schema),
        4,
        1_000,
        1_000,
        h2File);
  }

  /** Opens the repository. */
  CertificateRepository open() {
    return CertificateRepositories.open(config());
  }
}
