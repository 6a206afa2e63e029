package io.dccsim.smki.cli;

import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.RepositoryConfig;
import java.nio.file.Files;
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
      description =
          "Repository: a directory holding the embedded H2 store, or a JDBC URL. Default: "
              + DEFAULT_LOCATION
              + " (the simulator's own, when run beside its data directory)")
  String location;

  /** Where {@code dccsim serve} keeps its store with the default {@code data-dir}. */
  static final String DEFAULT_LOCATION = "data/smki";

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

  /**
   * The repository configuration these options describe.
   *
   * @param create whether a directory without a store may get a new, empty one (commands that write
   *     certificates); otherwise a missing store is refused rather than created
   */
  RepositoryConfig config(boolean create) {
    String where = location == null ? DEFAULT_LOCATION : location;
    if (!where.startsWith("jdbc:") && !where.equals(RepositoryConfig.IN_MEMORY_URL)) {
      Path dir = Path.of(where);
      boolean exists = Files.isRegularFile(dir.resolve(RepositoryConfig.H2_FILE_NAME + ".mv.db"));
      if (!exists && !create) {
        throw new IllegalArgumentException(
            "No repository in "
                + dir.toAbsolutePath().normalize()
                + (location == null
                    ? " (give --repository DIR|URL, or run beside the simulator's data directory)"
                    : " (give the directory the simulator or 'smki bulk-devices' wrote)"));
      }
      return RepositoryConfig.h2File(dir);
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

  /** Opens an existing repository; refuses one that is not there. */
  CertificateRepository open() {
    return CertificateRepositories.open(config(false));
  }

  /** Opens the repository, creating an empty one where there is none. */
  CertificateRepository openOrCreate() {
    return CertificateRepositories.open(config(true));
  }
}
