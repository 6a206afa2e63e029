package io.dccsim.smki.repository;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to open a {@link CertificateRepository}; see {@link CertificateRepositories#open}.
 *
 * <p>The store is chosen by the URL: {@value #IN_MEMORY_URL} for {@link
 * InMemoryCertificateRepository}, {@code jdbc:h2:...} for embedded H2 and {@code
 * jdbc:postgresql://...} for PostgreSQL. {@link #toString()} never shows the password.
 *
 * @param url {@value #IN_MEMORY_URL} or a JDBC URL
 * @param user database user (ignored in memory)
 * @param password database password (ignored in memory)
 * @param schema the database schema holding the tables, created if absent; empty for the
 *     connection's default ({@code PUBLIC} / {@code public}). Lower-case letters, digits and
 *     underscores, starting with a letter or underscore, at most 63 characters.
 * @param maxPoolSize the most database connections held open (1..64)
 * @param batchSize how many records {@code addAll} writes per transaction (1..10,000)
 * @param scanPageSize how many records {@code scan} reads per query, which bounds its memory
 *     (1..10,000)
 * @param syncEachWrite for H2 file stores: force every acknowledged write to disk before returning
 *     ({@code CHECKPOINT SYNC}); ignored by other stores, which are durable on commit
 */
public record RepositoryConfig(
    String url,
    String user,
    String password,
    Optional<String> schema,
    int maxPoolSize,
    int batchSize,
    int scanPageSize,
    boolean syncEachWrite) {

  /** The URL that selects the in-memory repository. */
  public static final String IN_MEMORY_URL = "memory:";

  /** The file name, without H2's {@code .mv.db} suffix, of an H2 store inside its directory. */
  public static final String H2_FILE_NAME = "smki";

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Validates. */
  public RepositoryConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(schema, "schema");
    schema.ifPresent(
        s -> {
          if (!SCHEMA.matcher(s).matches()) {
            throw new IllegalArgumentException(
                "A schema name is lower-case letters, digits and '_' (at most 63): " + s);
          }
        });
    checkRange("maxPoolSize", maxPoolSize, 64);
    checkRange("batchSize", batchSize, 10_000);
    checkRange("scanPageSize", scanPageSize, 10_000);
    store(url); // rejects an unknown URL early
  }

  private static void checkRange(String name, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(name + " must be 1.." + max + ": " + value);
    }
  }

  /** The kinds of store. */
  public enum Store {
    /** {@link InMemoryCertificateRepository}. */
    IN_MEMORY,
    /** Embedded H2, file or in-memory. */
    H2,
    /** PostgreSQL. */
    POSTGRESQL
  }

  /** Which store this configuration opens. */
  public Store store() {
    return store(url);
  }

  private static Store store(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.equals(IN_MEMORY_URL)) {
      return Store.IN_MEMORY;
    }
    if (u.startsWith("jdbc:h2:")) {
      return Store.H2;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return Store.POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "Not a repository URL (expected "
            + IN_MEMORY_URL
            + ", jdbc:h2:... or jdbc:postgresql:...): "
            + url);
  }

  /** The in-memory repository. */
  public static RepositoryConfig inMemory() {
    return new RepositoryConfig(IN_MEMORY_URL, "", "", Optional.empty(), 1, 1_000, 1_000, false);
  }

  /**
   * An H2 file store in {@code directory} (file {@code smki.mv.db}), every acknowledged write
   * forced to disk. The directory is created if absent. The default for the standalone simulator.
   */
  public static RepositoryConfig h2File(Path directory) {
    Path file = directory.toAbsolutePath().normalize().resolve(H2_FILE_NAME);
    if (file.toString().contains(";")) {
      // A ';' would start H2 URL settings.
      throw new IllegalArgumentException("An H2 store path may not contain ';': " + directory);
    }
    return new RepositoryConfig(
        "jdbc:h2:file:" + file, "sa", "", Optional.empty(), 4, 1_000, 1_000, true);
  }

  /** A private in-memory H2 database called {@code name}; it ends when the repository closes. */
  public static RepositoryConfig h2InMemory(String name) {
    if (!name.matches("[A-Za-z0-9_-]{1,100}")) {
      throw new IllegalArgumentException("An H2 database name is [A-Za-z0-9_-]{1,100}: " + name);
    }
    return new RepositoryConfig(
        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
        "sa",
        "",
        Optional.empty(),
        4,
        1_000,
        1_000,
        false);
  }

  /**
   * A PostgreSQL database, tables in {@code schema} (created if absent).
   *
   * @param url for example {@code jdbc:postgresql://127.0.0.1:5432/test}
   */
  public static RepositoryConfig postgres(String url, String user, String password, String schema) {
    return new RepositoryConfig(url, user, password, Optional.of(schema), 8, 1_000, 1_000, false);
  }

  /** This configuration with another connection pool size. */
  public RepositoryConfig withMaxPoolSize(int size) {
    return new RepositoryConfig(
        url, user, password, schema, size, batchSize, scanPageSize, syncEachWrite);
  }

  /** This configuration with another {@code addAll} batch size. */
  public RepositoryConfig withBatchSize(int size) {
    return new RepositoryConfig(
        url, user, password, schema, maxPoolSize, size, scanPageSize, syncEachWrite);
  }

  /** This configuration with another scan page size. */
  public RepositoryConfig withScanPageSize(int size) {
    return new RepositoryConfig(
        url, user, password, schema, maxPoolSize, batchSize, size, syncEachWrite);
  }

  /**
   * This configuration with forced syncs on or off. Turning them off for an H2 file store trades
   * durability (a kill may lose up to about a second of acknowledged writes) for write speed.
   */
  public RepositoryConfig withSyncEachWrite(boolean sync) {
    return new RepositoryConfig(
        url, user, password, schema, maxPoolSize, batchSize, scanPageSize, sync);
  }

  /**
   * A JDBC URL fit to print or log: the value of any {@code password} parameter, and a password in
   * a {@code user:password@} part, replaced by {@code ****}.
   */
  public static String redactedUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1****")
        .replaceAll("(//[^/@:]*:)[^/@]*@", "$1****@");
  }

  @Override
  public String toString() {
    return "RepositoryConfig[url="
        + redactedUrl(url)
        + ", user="
        + user
        + ", password="
        + (password.isEmpty() ? "" : "****")
        + ", schema="
        + schema.orElse("(default)")
        + ", maxPoolSize="
        + maxPoolSize
        + ", batchSize="
        + batchSize
        + ", scanPageSize="
        + scanPageSize
        + ", syncEachWrite="
        + syncEachWrite
        + "]";
  }
}
