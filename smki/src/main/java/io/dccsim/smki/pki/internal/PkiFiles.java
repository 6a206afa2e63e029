package io.dccsim.smki.pki.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the files of a PKI directory: whole or not at all, keys readable by the owner only, public
 * files (certificates, CRLs, settings) readable by all (mode 0644, less the umask).
 */
public final class PkiFiles {
  private PkiFiles() {}

  /** Writes a public file (a certificate, a CRL, settings). */
  public static void writePublic(Path file, byte[] content) {
    write(file, content, false);
  }

  /** Writes a public text file. */
  public static void writePublic(Path file, String content) {
    write(file, content.getBytes(StandardCharsets.US_ASCII), false);
  }

  /** Writes a secret (a private key): mode 0600 where the file system has POSIX permissions. */
  public static void writeSecret(Path file, String content) {
    write(file, content.getBytes(StandardCharsets.US_ASCII), true);
  }

  private static void write(Path file, byte[] content, boolean secret) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
      // Explicit either way: a temporary file would otherwise be created owner-only.
      FileAttribute<?>[] attrs =
          posix
              ? new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"))
              }
              : new FileAttribute<?>[0];
      // Created with its final permissions, filled, then renamed: a reader never sees half a key.
      Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attrs);
      try {
        Files.write(tmp, content);
        try {
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
