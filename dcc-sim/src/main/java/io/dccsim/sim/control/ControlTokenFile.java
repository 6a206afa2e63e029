package io.dccsim.sim.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API's token kept in a file: generated (256 random bits) and written owner-only
 * ({@code rw-------}) the first time, read back on the next start so clients keep working. The
 * token itself is never logged; only the file's path is.
 */
public final class ControlTokenFile {
  private static final Logger LOG = LoggerFactory.getLogger(ControlTokenFile.class);

  /** Owner read and write, nothing else. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      Set.copyOf(PosixFilePermissions.fromString("rw-------"));

  private static final int MAX_BYTES = 4096;

  private ControlTokenFile() {}

  /**
   * The token in {@code file}, or a new one written there when the file does not exist.
   *
   * @throws IllegalArgumentException when the file exists but holds no valid token (its content is
   *     not repeated in the message)
   */
  public static BearerToken loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    Path absolute = file.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    BearerToken token = BearerToken.random();
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    try {
      if (posix) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, token.value() + "\n", StandardCharsets.US_ASCII);
      try {
        // No REPLACE_EXISTING: if another start wrote one meanwhile, theirs is the token.
        Files.move(tmp, absolute);
      } catch (FileAlreadyExistsException e) {
        return read(absolute);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    LOG.info("Generated a control API token in {}", absolute);
    return token;
  }

  private static BearerToken read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "The control token file " + file.toAbsolutePath() + " is too large to hold a token");
    }
    BearerToken token;
    try {
      token = BearerToken.of(new String(bytes, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The control token file "
              + file.toAbsolutePath()
              + " holds no valid token ("
              + e.getMessage()
              + "); delete it to have a new one generated",
          null);
    }
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view != null) {
      Set<PosixFilePermission> others = new HashSet<>(view.readAttributes().permissions());
      others.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      if (!others.isEmpty()) {
        LOG.warn(
            "The control token file {} is open to more than its owner ({}); chmod 600 it",
            file.toAbsolutePath(),
            PosixFilePermissions.toString(view.readAttributes().permissions()));
      }
    }
    return token;
  }
}
