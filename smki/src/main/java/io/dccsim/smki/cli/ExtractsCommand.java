package io.dccsim.smki.cli;

import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.extract.ExtractException;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.extract.ExtractReader;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code smki extract}: publish a full or delta extract of a repository now, list an extract
 * directory, or verify one with the extract reader. The defaults are the standalone simulator's
 * (its H2 store in {@code data/smki}, its extracts in {@code data/extracts}).
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Publish an SMKI Repository extract now (--run FULL|DELTA), list (--list) or verify"
          + " (--verify DIR) an extract directory.",
      "Exit status: 0 done, 1 an extract could not be written or did not verify, 2 a usage"
          + " mistake."
    })
public final class ExtractsCommand implements Callable<Integer> {
  /** The standalone simulator's H2 store, with its default data directory. */
  static final String DEFAULT_REPOSITORY = "data/smki";

  /** The standalone simulator's extract directory, with its default data directory. */
  static final String DEFAULT_DIR = "data/extracts";

  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--run",
      paramLabel = "KIND",
      description =
          "Publish an extract now: FULL or DELTA (a delta with no full extract before it is"
              + " published as a full).")
  String run;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Extract directory for --run and --list. Default: " + DEFAULT_DIR)
  Path dir;

  @Option(names = "--list", description = "List the extracts in --dir.")
  boolean list;

  @Option(
      names = "--verify",
      paramLabel = "DIR",
      description =
          "Verify DIR: the newest full extract and the deltas after it (framing, digests, chain)"
              + " and print what they hold.")
  Path verify;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (run == null && !list && verify == null) {
      err.println("smki extract: nothing to do: give --run FULL|DELTA, --list or --verify DIR");
      return 2;
    }
    if (verify != null && (run != null || list || dir != null || repository.given())) {
      err.println("smki extract: --verify DIR goes alone");
      return 2;
    }
    Path target = dir != null ? dir : Path.of(DEFAULT_DIR);
    try {
      if (run != null) {
        ExtractKind kind = kind(run);
        if (kind == null) {
          err.println("smki extract: --run is FULL or DELTA, not '" + run + "'");
          return 2;
        }
        if (!repository.given()) {
          repository.location = DEFAULT_REPOSITORY;
        }
        try (CertificateRepository repo = repository.open()) {
          ExtractPublisher publisher = new ExtractPublisher(repo, target, parent.clock());
          ExtractManifest m = publisher.publish(kind, Optional.empty());
          out.printf(
              "Published %s: %s, %d entries, sequence %d..%d%n",
              target.resolve(m.fileName().toString()),
              m.kind(),
              m.entryCount(),
              m.fromSequence(),
              m.toSequence());
        }
      }
      if (list) {
        if (!Files.isDirectory(target)) {
          err.println("smki extract: no extract directory " + target);
          return 1;
        }
        for (ExtractManifest m : new ExtractDirectory(target).manifests()) {
          out.printf(
              "%s  %-5s  entries=%d  sequence=%d..%d  cutOff=%s%n",
              m.fileName(), m.kind(), m.entryCount(), m.fromSequence(), m.toSequence(), m.cutOff());
        }
      }
      if (verify != null) {
        return verify(out, err);
      }
      return 0;
    } catch (ExtractException e) {
      err.println("smki extract: " + oneLine(e.getMessage()));
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("smki extract: " + oneLine(e.getMessage()));
      return 2;
    } catch (RuntimeException e) {
      // A store that cannot be opened (locked by a running simulator, unreachable database, ...).
      err.println(
          "smki extract: " + oneLine(e.getMessage() == null ? e.toString() : e.getMessage()));
      return 1;
    }
  }

  private int verify(PrintWriter out, PrintWriter err) {
    if (!Files.isDirectory(verify)) {
      err.println("smki extract: not a directory: " + verify);
      return 1;
    }
    ExtractReader reader = ExtractReader.open(verify);
    List<ExtractManifest> chain = reader.chain();
    int certificates = reader.load().size();
    ExtractManifest last = chain.get(chain.size() - 1);
    out.printf(
        "OK: full extract %d and %d deltas verified; %d certificates as of sequence %d (%s)%n",
        chain.get(0).number(), chain.size() - 1, certificates, last.toSequence(), last.cutOff());
    return 0;
  }

  private static ExtractKind kind(String text) {
    for (ExtractKind k : ExtractKind.values()) {
      if (k.name().equalsIgnoreCase(text.strip())) {
        return k;
      }
    }
    return null;
  }

  private static String oneLine(String message) {
    String m = message == null ? "failed" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }
}
