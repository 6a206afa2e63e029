package io.dccsim.benchmarks;

import io.dccsim.benchmarks.crypto.CryptoLimit;
import io.dccsim.benchmarks.load.BareNettyServer;
import io.dccsim.benchmarks.load.CpuProfile;
import io.dccsim.benchmarks.load.HeapSampler;
import io.dccsim.benchmarks.load.LoadGenerator;
import io.dccsim.benchmarks.load.LoadResult;
import io.dccsim.benchmarks.load.LoadTarget;
import io.dccsim.benchmarks.load.SimulatorUnderLoad;
import io.dccsim.benchmarks.load.WireMockProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The side-by-side comparison, one after another on the same machine: the crypto limit (JMH), the
 * simulator with full checks, the simulator with signature checks off, WireMock standalone serving
 * the same response bytes, and a bare Netty server returning them. Prints one table with the
 * figures and the ratios the project's goals are stated in.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Measures SR 12.1 throughput and latency beside WireMock and bare Netty.")
public final class Compare implements Callable<Integer> {

  @Option(
      names = "--duration",
      converter = Compare.Seconds.class,
      description = "Measured time per run (default ${DEFAULT-VALUE}).")
  Duration duration = Duration.ofSeconds(10);

  @Option(
      names = "--warmup",
      converter = Compare.Seconds.class,
      description = "Warm-up per run (default ${DEFAULT-VALUE}).")
  Duration warmup = Duration.ofSeconds(5);

  @Option(names = "--connections", description = "Connections (default ${DEFAULT-VALUE}).")
  int connections = 16;

  @Option(names = "--client-threads", description = "Load generator threads (default 1).")
  int clientThreads = 1;

  @Option(
      names = "--wiremock-jar",
      description = "WireMock standalone jar (default ${DEFAULT-VALUE}).")
  Path wireMockJar = Path.of("benchmarks", "target", "wiremock", "wiremock-standalone.jar");

  @Option(
      names = "--jit-warmup",
      converter = Compare.Seconds.class,
      description =
          "Before the first measured row, drive the simulator this long with separate"
              + " warm-up users so the JIT has compiled its paths (default ${DEFAULT-VALUE}).")
  Duration jitWarmup = Duration.ofSeconds(40);

  @Option(
      names = "--profile",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Sample where the CPU goes while row (1) is measured (JDK Flight Recorder; default on).")
  boolean profile = true;

  @Option(names = "--quick", description = "A smoke run: fractions of a second each.")
  boolean quick;

  @Option(
      names = "--soak",
      converter = Compare.Seconds.class,
      description = "Then run the simulator open-loop at half saturation for this long (e.g. 10m).")
  Duration soak;

  /** The heap over each row is shown as the lowest sample of windows this long (1 s samples). */
  static final int HEAP_WINDOW_SECONDS = 5;

  /** The most pre-signed requests held at once (about 1.7 KB each). */
  static final int MAX_PRESIGNED = 128_000;

  private final PrintStream out;

  /** A comparison printing to {@code out}. */
  public Compare(PrintStream out) {
    this.out = out;
  }

  /** Runs it from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Compare(System.out)).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    if (quick) {
      duration = Duration.ofMillis(500);
      warmup = Duration.ofMillis(200);
      jitWarmup = Duration.ofMillis(200);
      connections = Math.min(connections, 4);
    }
    out.printf(
        Locale.ROOT,
        "machine: %d cores, %s %s, max heap %d MiB%n",
        cores,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
    String log = System.getProperty("dccsim.compare.log");
    if (log != null) {
      out.println("simulator log (one line per exchange): " + log);
    }

    AutoCloseable armed = profile ? CpuProfile.arm() : null;
    try {
      return compare(cores);
    } finally {
      if (armed != null) {
        armed.close();
      }
    }
  }

  private int compare(int cores) throws Exception {
    java.util.List<CryptoLimit> limits = CryptoLimit.measureCandidates(cores, quick);
    CryptoLimit crypto = limits.get(0);
    CryptoLimit fastest = CryptoLimit.fastest(limits);
    out.println("ECDSA of the simulator: " + io.dccsim.core.signature.EcdsaProvider.description());
    for (CryptoLimit l : limits) {
      out.println("crypto limit: " + l + (l == crypto ? "  (in use)" : ""));
    }

    // Enough pre-signed requests per connection for warm-up and measurement at a generous rate,
    // but at most MAX_PRESIGNED in all: they live in the server's heap during the run, and more
    // would measure the garbage collector. A stream that wraps around repeats counters, which the
    // simulator answers with E1: that shows as errors, never as a silently wrong figure.
    long seconds = Math.max(1, (warmup.plus(duration)).toSeconds() + 1);
    int perUser =
        (int)
            Math.min(
                MAX_PRESIGNED / connections,
                Math.max(50, crypto.exchangesPerSecond() * seconds / connections * 2));
    List<Row> rows = new ArrayList<>();
    byte[] responseBytes;
    CpuProfile.Breakdown breakdown;
    try (LoadGenerator gen = new LoadGenerator(clientThreads)) {
      LoadResult full;
      try (SimulatorUnderLoad sim = SimulatorUnderLoad.start(true, connections, perUser, cores);
          HeapSampler heap = new HeapSampler(1000)) {
        responseBytes = sim.sampleResponse();
        // The simulator's paths (XML, Bouncy Castle's EC arithmetic) take tens of seconds to be
        // compiled; without this the first rows measure the JIT compiler.
        gen.closedLoop(sim.warmupTarget(), connections, Duration.ZERO, jitWarmup);
        CpuProfile sampling = profile ? CpuProfile.start(Duration.ofMillis(10)) : null;
        try {
          full =
              gen.closedLoop(sim.target("simulator, full checks"), connections, warmup, duration);
        } finally {
          breakdown = sampling == null ? null : sampling.stop();
        }
        rows.add(new Row(full, heap));
      }
      try (SimulatorUnderLoad sim = SimulatorUnderLoad.start(false, connections, 200, cores);
          HeapSampler heap = new HeapSampler(1000)) {
        rows.add(
            new Row(
                gen.closedLoop(
                    sim.target("simulator, signature checks off"), connections, warmup, duration),
                heap));
      }
      try (WireMockProcess wm =
          WireMockProcess.start(
              wireMockJar, "/api/v1/serviceD", responseBytes, "application/xml", List.of())) {
        LoadTarget t =
            LoadTarget.of(
                    "WireMock standalone, static stub",
                    URI.create(wm.baseUri() + "/api/v1/serviceD"),
                    "application/xml",
                    List.of(responseBytes))
                .expecting(SimulatorUnderLoad.SUCCESS);
        gen.closedLoop(t, connections, Duration.ZERO, jitWarmup); // its JIT too, to be fair
        rows.add(new Row(gen.closedLoop(t, connections, warmup, duration), null));
      }
      try (BareNettyServer bare = BareNettyServer.start(responseBytes, "application/xml");
          HeapSampler heap = new HeapSampler(1000)) {
        LoadTarget t =
            LoadTarget.of(
                    "bare Netty, same bytes",
                    URI.create(bare.baseUri() + "/api/v1/serviceD"),
                    "application/xml",
                    List.of(responseBytes))
                .expecting(SimulatorUnderLoad.SUCCESS);
        rows.add(new Row(gen.closedLoop(t, connections, warmup, duration), heap));
      }
      // Latency at half of the simulator's saturation, open loop (no coordinated omission).
      int half = (int) Math.max(1, full.throughput() / 2);
      try (SimulatorUnderLoad sim =
              SimulatorUnderLoad.start(
                  true,
                  connections,
                  (int)
                      Math.min(MAX_PRESIGNED / connections, half * seconds / connections * 2 + 50),
                  cores);
          HeapSampler heap = new HeapSampler(1000)) {
        rows.add(
            new Row(
                gen.openLoop(
                    sim.target("simulator, full checks"), half, connections, warmup, duration),
                heap));
      }
      printTable(crypto, fastest, rows);
      if (breakdown != null) {
        out.println();
        out.println("Where the CPU went while row (1) was measured:");
        out.print(breakdown.table());
        // ECDSA's share of the Java samples times Java's share of the machine is about the share
        // of the machine that did ECDSA: what row (1) can reach of the crypto limit with the rest
        // of its work (and the client's, and the kernel's) on the same cores.
        if (crypto.provider().equals("BC")) {
          out.printf(
              Locale.ROOT,
              "ECDSA is %.0f%% of the Java samples and Java %.0f%% of the machine: with this split"
                  + " row (1) can reach about %.0f%% of the crypto limit.%n",
              100 * breakdown.ecdsaShare(),
              100 * breakdown.jvmUser(),
              100 * breakdown.ecdsaShare() * breakdown.jvmUser());
        } else {
          // AWS-LC's ECDSA runs in native code, which Java execution samples do not see.
          out.println(
              "ECDSA runs natively on "
                  + crypto.provider()
                  + ": its time is outside the Java samples, whose shares are of the Java work.");
        }
      }
      if (soak != null) {
        soak(gen, half, cores);
      }
    }
    return 0;
  }

  private void soak(LoadGenerator gen, int rate, int cores) throws Exception {
    long seconds = soak.toSeconds() + warmup.toSeconds() + 1;
    // A long run needs more requests than fit in the heap, so the streams start over. When one
    // does, the simulator forgets the Request ID counters it has accepted (forgetting only lowers
    // the bar, so no stream is refused for it): the repeats are answered I0 and every request is
    // still parsed, validated, verified, checked and signed.
    int perUser = (int) Math.min(MAX_PRESIGNED / connections, rate * seconds / connections + 50);
    try (SimulatorUnderLoad sim = SimulatorUnderLoad.start(true, connections, perUser, cores);
        HeapSampler heap = new HeapSampler(1000)) {
      LoadTarget target =
          sim.target("simulator soak").startingOver(sim.simulator()::forgetRequestCounters);
      LoadResult r = gen.openLoop(target, rate, connections, warmup, soak);
      out.println();
      out.println("soak: " + r);
      out.println("heap, lowest used per minute (MiB): " + heap.windowMinimaMiB(60));
      out.println("heap, peak used (MiB): " + heap.peakMiB());
    }
  }

  private void printTable(CryptoLimit crypto, CryptoLimit fastest, List<Row> rows) {
    out.println();
    out.printf(
        Locale.ROOT,
        "| %-34s | %-22s | %9s | %8s | %8s | %8s | %6s | %9s |%n",
        "target",
        "mode",
        "req/s",
        "p50 ms",
        "p99 ms",
        "p99.9 ms",
        "errors",
        "heap MiB");
    out.println(
        "|"
            + "-".repeat(36)
            + "|"
            + "-".repeat(24)
            + "|"
            + "-".repeat(11)
            + "|"
            + "-".repeat(10)
            + "|"
            + "-".repeat(10)
            + "|"
            + "-".repeat(10)
            + "|"
            + "-".repeat(8)
            + "|"
            + "-".repeat(11)
            + "|");
    for (Row row : rows) {
      LoadResult r = row.result();
      out.printf(
          Locale.ROOT,
          "| %-34s | %-22s | %9.0f | %8.2f | %8.2f | %8.2f | %6d | %9s |%n",
          r.target(),
          r.mode(),
          r.throughput(),
          r.percentileMillis(50),
          r.percentileMillis(99),
          r.percentileMillis(99.9),
          r.errors(),
          row.peakHeapMiB() < 0 ? "(own JVM)" : Long.toString(row.peakHeapMiB()));
    }
    double full = rows.get(0).result().throughput();
    double noSig = rows.get(1).result().throughput();
    double wireMock = rows.get(2).result().throughput();
    double bare = rows.get(3).result().throughput();
    out.println();
    out.printf(
        Locale.ROOT,
        "crypto limit (1 verify + 1 sign per exchange, %d threads, %s in use): %.0f/s%n",
        crypto.threads(),
        crypto.provider(),
        crypto.exchangesPerSecond());
    out.printf(
        Locale.ROOT,
        "full checks / crypto limit:        %5.0f%%  (goal >= 80%%)%n",
        100 * full / crypto.exchangesPerSecond());
    if (fastest != crypto) {
      out.printf(
          Locale.ROOT,
          "full checks / fastest (%s): %5.0f%%%n",
          fastest.provider(),
          100 * full / fastest.exchangesPerSecond());
    }
    out.printf(
        Locale.ROOT, "checks off / WireMock:             %5.1fx  (goal >= 3x)%n", noSig / wireMock);
    out.printf(
        Locale.ROOT,
        "checks off / bare Netty:           %5.0f%%  (goal >= 50%%)%n",
        100 * noSig / bare);
    out.printf(
        Locale.ROOT,
        "full checks p99 at half saturation: %.2f ms (goal < 10 ms)%n",
        rows.get(4).result().percentileMillis(99));
    out.println();
    out.printf(
        Locale.ROOT,
        "Heap used over each in-process row (MiB, lowest of each %d s, from the server's start):%n",
        HEAP_WINDOW_SECONDS);
    for (Row row : rows) {
      if (!row.heapWindowsMiB().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "  %-34s %s%n",
            row.result().target() + " (" + row.result().mode().split(",")[0] + ")",
            row.heapWindowsMiB().stream().map(String::valueOf).collect(Collectors.joining(" ")));
      }
    }
  }

  /** Durations as {@code 500ms}, {@code 10s}, {@code 10m} or ISO-8601 ({@code PT10S}). */
  static final class Seconds implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      if (v.startsWith("pt")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      long n = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        default ->
            throw new CommandLine.TypeConversionException(
                "not a duration: " + value + " (e.g. 500ms, 10s, 10m, PT10S)");
      };
    }
  }

  /**
   * One line of the table, and the heap the in-process server's JVM used over the row.
   *
   * @param heapWindowsMiB the lowest used heap in each {@link #HEAP_WINDOW_SECONDS}-second window;
   *     empty for a server in a JVM of its own
   */
  private record Row(LoadResult result, long peakHeapMiB, List<Long> heapWindowsMiB) {
    Row(LoadResult result, HeapSampler heap) {
      this(
          result,
          heap == null ? -1 : heap.peakMiB(),
          heap == null ? List.of() : heap.windowMinimaMiB(HEAP_WINDOW_SECONDS));
    }
  }
}
