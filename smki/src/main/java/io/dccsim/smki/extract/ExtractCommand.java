package io.dccsim.smki.extract;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code extract} command: publish an extract now, list the published extracts, or verify a
 * directory's chain. A launcher registers it with the publisher of its repository:
 *
 * <pre>{@code
 * new CommandLine(launcher).addSubcommand(new ExtractCommand(() -> publisher));
 * }</pre>
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Publish, list or verify SMKI Repository extracts (full and delta).")
public final class ExtractCommand implements Callable<Integer> {
  private final Supplier<ExtractPublisher> publisher;

  @Spec CommandSpec spec;

  @Option(
      names = "--run",
      paramLabel = "KIND",
      description = "Publish an extract now: ${COMPLETION-CANDIDATES}.")
  ExtractKind run;

  @Option(names = "--list", description = "List the extracts in the directory.")
  boolean list;

  @Option(
      names = "--verify",
      description = "Verify the newest full extract and the deltas after it (digests and chain).")
  boolean verify;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The extract directory (default: the publisher's).")
  Path dir;

  /** A command publishing with the publisher supplied (asked for only when needed). */
  public ExtractCommand(Supplier<ExtractPublisher> publisher) {
    this.publisher = publisher;
  }

  /** A command that can only list and verify a {@code --dir}. */
  public ExtractCommand() {
    this(() -> null);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (run == null && !list && !verify) {
      err.println("Nothing to do: give --run FULL|DELTA, --list or --verify");
      return 2;
    }
    try {
      if (run != null) {
        ExtractPublisher p = publisher.get();
        if (p == null) {
          err.println("No repository to extract from: --run needs the simulator's repository");
          return 2;
        }
        ExtractManifest m = p.publish(run, Optional.empty());
        out.printf(
            "Published %s: %d entries, sequence %d..%d%n",
            m.fileName(), m.entryCount(), m.fromSequence(), m.toSequence());
      }
      ExtractDirectory d = directory();
      if (list) {
        if (d == null) {
          err.println("--list needs --dir");
          return 2;
        }
        for (ExtractManifest m : d.manifests()) {
          out.printf(
              "%s  %-5s  entries=%d  sequence=%d..%d  cutOff=%s%n",
              m.fileName(), m.kind(), m.entryCount(), m.fromSequence(), m.toSequence(), m.cutOff());
        }
      }
      if (verify) {
        if (d == null) {
          err.println("--verify needs --dir");
          return 2;
        }
        ExtractReader reader = ExtractReader.open(d.path());
        List<ExtractManifest> chain = reader.chain();
        int certificates = reader.load().size();
        out.printf(
            "OK: full extract %d and %d deltas verified; %d certificates as of sequence %d%n",
            chain.get(0).number(),
            chain.size() - 1,
            certificates,
            chain.get(chain.size() - 1).toSequence());
      }
      return 0;
    } catch (ExtractException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    }
  }

  private ExtractDirectory directory() {
    if (dir != null) {
      return new ExtractDirectory(dir);
    }
    ExtractPublisher p = publisher.get();
    return p == null ? null : p.directory();
  }
}
