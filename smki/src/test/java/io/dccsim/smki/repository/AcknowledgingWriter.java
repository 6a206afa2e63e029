package io.dccsim.smki.repository;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The program the durability tests run in a separate JVM and kill: it writes to a repository
 * without end and prints an acknowledgement line after each write returns.
 *
 * <p>Arguments: {@code h2 <directory>} or {@code postgres <schema>}. Output lines: {@code READY},
 * then {@code ACK ADDED <serial>} and {@code ACK REVOKED <serial>}. Every third certificate is
 * revoked right after it is added, and nothing is changed twice, so the expected state of each
 * acknowledged certificate is known exactly.
 */
public final class AcknowledgingWriter {

  private AcknowledgingWriter() {}

  /** Runs until killed. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CertificateRepository repo =
        switch (args[0]) {
          case "h2" -> CertificateRepositories.h2File(Path.of(args[1]));
          case "postgres" ->
              CertificateRepositories.postgres(
                  PostgresTestDatabase.URL,
                  PostgresTestDatabase.USER,
                  PostgresTestDatabase.PASSWORD,
                  args[1]);
          default -> throw new IllegalArgumentException("h2 <dir> or postgres <schema>");
        };
    out.println("READY");
    for (long serial = 1; ; serial++) {
      CertificateRecord r =
          SyntheticCertificates.device(
              serial,
              SyntheticCertificates.DEVICE_EUIS.get((int) (serial % 4)),
              CertificateUsage.KA,
              CertificateStatus.IN_USE);
      repo.add(r);
      out.println("ACK ADDED " + serial);
      if (serial % 3 == 0) {
        repo.changeStatus(
            BigInteger.valueOf(serial), CertificateStatus.REVOKED, Instant.ofEpochSecond(serial));
        out.println("ACK REVOKED " + serial);
      }
    }
  }
}
