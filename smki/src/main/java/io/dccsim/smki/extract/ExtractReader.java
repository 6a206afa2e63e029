package io.dccsim.smki.extract;

import io.dccsim.smki.repository.CertificateRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Loads SMKI extracts the way a supplier would: the newest full extract, then every delta after it,
 * checking each file's digests and the chain between them.
 *
 * <pre>{@code
 * Map<BigInteger, CertificateRecord> repository = ExtractReader.open(dir).load();
 * }</pre>
 */
public final class ExtractReader {
  private final List<Path> files;

  private ExtractReader(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** A reader of every extract file in {@code directory}. */
  public static ExtractReader open(Path directory) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*.smkx")) {
      for (Path p : ds) {
        if (ExtractFileName.parse(p.getFileName().toString()).isPresent()) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      throw new ExtractException("Cannot list " + directory + ": " + e, e);
    }
    return new ExtractReader(files);
  }

  /** A reader of these extract files (in any order). */
  public static ExtractReader of(List<Path> files) {
    return new ExtractReader(Objects.requireNonNull(files, "files"));
  }

  /**
   * The chain to load: the newest full extract and the extracts after it, whose manifests are
   * checked to form an unbroken chain (numbers contiguous, each delta building on that full and on
   * the extract before it, sequence ranges adjoining). Reads only headers and trailers.
   *
   * @throws ExtractException when there is no full extract or the chain is broken
   */
  public List<ExtractManifest> chain() {
    List<Map.Entry<Path, ExtractManifest>> all = new ArrayList<>();
    for (Path p : files) {
      all.add(Map.entry(p, ExtractFile.readManifest(p)));
    }
    all.sort(Comparator.comparingLong(e -> e.getValue().number()));
    int start = -1;
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).getValue().kind() == ExtractKind.FULL) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new ExtractException("No full extract among " + files.size() + " files");
    }
    List<ExtractManifest> chain = new ArrayList<>();
    ExtractManifest full = all.get(start).getValue();
    chain.add(full);
    ExtractManifest prev = full;
    for (int i = start + 1; i < all.size(); i++) {
      ExtractManifest m = all.get(i).getValue();
      String at = "extract " + m.number() + " (" + m.fileName() + ")";
      if (m.number() != prev.number() + 1) {
        throw new ExtractException(
            "Broken chain: "
                + at
                + " follows extract "
                + prev.number()
                + "; numbers must be contiguous");
      }
      if (m.basedOnFull().orElse(-1) != full.number()) {
        throw new ExtractException(
            "Broken chain: "
                + at
                + " builds on full extract "
                + m.basedOnFull()
                + ", not "
                + full.number());
      }
      if (m.previous().orElse(-1) != prev.number()) {
        throw new ExtractException(
            "Broken chain: "
                + at
                + " names previous extract "
                + m.previous()
                + ", not "
                + prev.number());
      }
      if (m.fromSequence() != prev.toSequence()) {
        throw new ExtractException(
            "Broken chain: "
                + at
                + " starts after sequence "
                + m.fromSequence()
                + " but extract "
                + prev.number()
                + " ends at "
                + prev.toSequence());
      }
      chain.add(m);
      prev = m;
    }
    return Collections.unmodifiableList(chain);
  }

  /**
   * Streams the entries of the chain, full extract first, to {@code sink}; an entry supersedes any
   * earlier one with the same serial. Each file is verified as it is read, so an exception may come
   * after some entries were delivered.
   *
   * @return the manifest of the last extract applied
   */
  public ExtractManifest replay(Consumer<CertificateRecord> sink) {
    List<ExtractManifest> chain = chain();
    Map<Long, Path> byNumber = new TreeMap<>();
    for (Path p : files) {
      ExtractFileName.parse(p.getFileName().toString()).ifPresent(n -> byNumber.put(n.number(), p));
    }
    ExtractManifest last = null;
    for (ExtractManifest m : chain) {
      Path p = byNumber.get(m.number());
      ExtractManifest read = ExtractFile.read(p, true, sink);
      if (!read.equals(m)) {
        throw new ExtractException(p.getFileName() + " changed while it was being read");
      }
      last = read;
    }
    return last;
  }

  /**
   * The repository as the chain describes it: serial -> latest record, as of the last extract's
   * sequence point. Returned only when every file verified.
   */
  public Map<BigInteger, CertificateRecord> load() {
    TreeMap<BigInteger, CertificateRecord> state = new TreeMap<>();
    replay(r -> state.put(r.serial(), r));
    return Collections.unmodifiableMap(state);
  }
}
