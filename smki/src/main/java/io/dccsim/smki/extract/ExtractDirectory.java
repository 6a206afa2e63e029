package io.dccsim.smki.extract;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of published extracts. Only complete extracts are ever visible under their final
 * names; in-progress files are dot-prefixed {@code .tmp} files that {@link #recover()} removes.
 */
public final class ExtractDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractDirectory.class);

  /** Suffix of files being written. */
  static final String TEMP_SUFFIX = ".tmp";

  private final Path path;

  /** The directory at {@code path} (created on first publication). */
  public ExtractDirectory(Path path) {
    this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
  }

  /** Where the extracts live. */
  public Path path() {
    return path;
  }

  /** The names of the extracts present, in extract-number order. */
  public List<ExtractFileName> names() {
    List<ExtractFileName> out = new ArrayList<>();
    if (!Files.isDirectory(path)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(path, "smki-extract-*.smkx")) {
      for (Path p : ds) {
        ExtractFileName.parse(p.getFileName().toString()).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new ExtractException("Cannot list extract directory " + path + ": " + e, e);
    }
    out.sort(Comparator.comparingLong(ExtractFileName::number));
    return out;
  }

  /** The manifests of the extracts present, in extract-number order (read from header/trailer). */
  public List<ExtractManifest> manifests() {
    List<ExtractManifest> out = new ArrayList<>();
    for (ExtractFileName n : names()) {
      out.add(ExtractFile.readManifest(file(n)));
    }
    return out;
  }

  /** The newest extract, if any. */
  public Optional<ExtractManifest> latest() {
    List<ExtractFileName> names = names();
    return names.isEmpty()
        ? Optional.empty()
        : Optional.of(ExtractFile.readManifest(file(names.get(names.size() - 1))));
  }

  /** The newest full extract, if any. */
  public Optional<ExtractManifest> latestFull() {
    List<ExtractFileName> names = names();
    for (int i = names.size() - 1; i >= 0; i--) {
      if (names.get(i).kind() == ExtractKind.FULL) {
        return Optional.of(ExtractFile.readManifest(file(names.get(i))));
      }
    }
    return Optional.empty();
  }

  /** The path of an extract file. */
  public Path file(ExtractFileName name) {
    return path.resolve(name.toString());
  }

  /** The path of an extract's detached digest. */
  public Path digestFile(ExtractFileName name) {
    return path.resolve(name.digestName());
  }

  /**
   * Removes what an interrupted publication left behind: temporary files and digests without their
   * extract.
   *
   * @return how many files were removed
   */
  public int recover() {
    if (!Files.isDirectory(path)) {
      return 0;
    }
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        boolean temp = n.startsWith(".smki-extract-") && n.endsWith(TEMP_SUFFIX);
        boolean orphanDigest =
            n.endsWith(ExtractFileName.DIGEST_SUFFIX)
                && ExtractFileName.parse(
                        n.substring(0, n.length() - ExtractFileName.DIGEST_SUFFIX.length()))
                    .map(x -> !Files.exists(file(x)))
                    .orElse(false);
        if (temp || orphanDigest) {
          Files.deleteIfExists(p);
          LOG.info("Removed {} left by an interrupted extract publication", n);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new ExtractException("Cannot clean extract directory " + path + ": " + e, e);
    }
    return removed;
  }

  /**
   * Deletes the extracts the policy does not keep.
   *
   * @return the names deleted
   */
  public List<ExtractFileName> applyRetention(RetentionPolicy policy) {
    List<ExtractFileName> names = names();
    List<ExtractFileName> fulls = names.stream().filter(n -> n.kind() == ExtractKind.FULL).toList();
    if (fulls.size() <= policy.fullExtracts()) {
      return List.of();
    }
    long oldestKept = fulls.get(fulls.size() - policy.fullExtracts()).number();
    List<ExtractFileName> deleted = new ArrayList<>();
    for (ExtractFileName n : names) {
      if (n.number() < oldestKept) {
        try {
          // The extract goes first so that a visible extract always has its digest.
          Files.deleteIfExists(file(n));
          Files.deleteIfExists(digestFile(n));
          deleted.add(n);
        } catch (IOException e) {
          LOG.warn("Cannot delete old extract {}: {}", n, e.toString());
        }
      }
    }
    if (!deleted.isEmpty()) {
      syncDirectory();
    }
    return deleted;
  }

  /** Makes renames and deletions in the directory durable. */
  void syncDirectory() {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for syncing; the rename itself stays atomic.
      LOG.debug("Directory fsync not supported for {}: {}", path, e.toString());
    }
  }
}
