package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki bulk-devices}: many Device Certificates straight into a repository. */
@Command(
    name = "bulk-devices",
    mixinStandardHelpOptions = true,
    description = "Issue COUNT Device Certificates with consecutive EUIs into a repository.")
public final class BulkDevicesCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin PkiOptions pki;
  @Mixin RepositoryOptions repository;

  @Option(names = "--count", required = true, paramLabel = "N", description = "How many devices.")
  long count;

  @Option(
      names = "--first-eui",
      defaultValue = "00-0D-6F-00-00-00-00-00",
      paramLabel = "EUI",
      description = "EUI of the first device. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.EuiConverter.class)
  Eui64 firstEui;

  @Option(
      names = "--usage",
      defaultValue = "DS",
      paramLabel = "DS|KA",
      description = "Key usage. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.UsageConverter.class)
  CertificateUsage usage;

  @Option(
      names = "--status",
      defaultValue = "I",
      paramLabel = "P|I|N|E|R",
      description = "Initial status. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.StatusConverter.class)
  CertificateStatus status;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Signing threads. Default: the number of processors.")
  Integer threads;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Records per repository write. Default: ${DEFAULT-VALUE}")
  int batch;

  @Option(names = "--no-progress", description = "Do not draw a progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws InterruptedException {
    TestPki p = pki.load(parent.clock());
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    BulkDeviceLoad load =
        new BulkDeviceLoad(p.deviceCertificateFactory(), firstEui, count, usage, status, t, batch);
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    long added;
    try (CertificateRepository repo = repository.openOrCreate()) {
      if (noProgress) {
        added = load.run(repo, n -> {});
      } else {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("Device certificates")
                .setInitialMax(count)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build()) {
          added = load.run(repo, bar::stepBy);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf(
          java.util.Locale.ROOT,
          "Issued %d device certificates (%d new) in %.1f s, %.0f/s; repository now holds %d%n",
          count,
          added,
          seconds,
          count / Math.max(seconds, 1e-9),
          repo.count());
    }
    return 0;
  }
}
