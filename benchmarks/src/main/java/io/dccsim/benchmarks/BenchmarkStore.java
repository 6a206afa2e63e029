package io.dccsim.benchmarks;

import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The stores the benchmarks run on: an H2 file store in a directory, or a PostgreSQL schema (from
 * {@code DCCSIM_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}, as the tests use). A store the
 * caller named, or asked to keep, is kept for the next run; one made for the run is removed after.
 */
public final class BenchmarkStore {
  private BenchmarkStore() {}

  /** What a benchmark does with the store. */
  @FunctionalInterface
  public interface Use<T> {
    T with(CertificateRepository repository) throws Exception;
  }

  /** Runs {@code use} on an H2 file store in {@code dir}, or in a new temporary directory. */
  public static <T> T h2(Optional<Path> dir, boolean keep, String prefix, Use<T> use)
      throws Exception {
    Path directory = dir.isPresent() ? dir.get() : Files.createTempDirectory(prefix);
    try (CertificateRepository repo = CertificateRepositories.h2File(directory)) {
      return use.with(repo);
    } finally {
      if (keep || dir.isPresent()) {
        System.out.println("kept the H2 store in " + directory);
      } else {
        delete(directory);
      }
    }
  }

  /** Runs {@code use} on the PostgreSQL schema {@code schema}, or on a new one named by prefix. */
  public static <T> T postgres(Optional<String> schema, boolean keep, String prefix, Use<T> use)
      throws Exception {
    String url = env("DCCSIM_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String user = env("DCCSIM_POSTGRES_USER", "postgres");
    String password = env("DCCSIM_POSTGRES_PASSWORD", "");
    String name =
        schema.orElseGet(
            () -> prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    try (CertificateRepository repo = CertificateRepositories.postgres(url, user, password, name)) {
      return use.with(repo);
    } finally {
      if (keep || schema.isPresent()) {
        System.out.println("kept the PostgreSQL schema " + name);
      } else {
        try (Connection c = DriverManager.getConnection(url, user, password);
            Statement s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
      }
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> all = Files.walk(directory)) {
      all.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
