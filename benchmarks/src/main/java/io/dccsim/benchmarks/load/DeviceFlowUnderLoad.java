package io.dccsim.benchmarks.load;

import com.sun.net.httpserver.HttpServer;
import io.dccsim.benchmarks.BenchmarkStore;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.EcdsaProvider;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Device Service Requests under an open-loop load, the DCC's way: each SR 4.1.1 (command variant 1,
 * to an electricity meter of the synthetic estate) is acknowledged {@code I99} over HTTP with every
 * check on, and the device's signed {@code I0} response goes through the durable outbox to the
 * sending User's receiving endpoint, a loopback server in this JVM that answers 204 (and verifies
 * the DCC's signature on one message in {@value #VERIFY_EVERY}). Each minute it prints the
 * acknowledgements and deliveries, the most messages pending delivery, and the heap's lowest and
 * highest samples, so growth of the queue or of the live set shows; at the end it waits for the
 * outbox to drain and checks that every acknowledged request's response arrived.
 *
 * <pre>
 * benchmarks/run device-flow --rate 1000 --seconds 600 --store h2
 * </pre>
 *
 * <p>Options: {@code --store memory|h2|postgres} (where the outbox is kept; default h2, the
 * standalone server's), {@code --rate R} requests a second (default 1,000), {@code --seconds S}
 * measured (default 600), {@code --warmup S} seconds of the same load first (default 15), {@code
 * --connections C} (default 16, one User each), {@code --premises P} of the synthetic estate
 * (default 300), {@code --workers W} server worker threads (default one per core).
 */
public final class DeviceFlowUnderLoad {
  private static final int VERIFY_EVERY = 500;
  private static final int JIT_WARMUP_SECONDS = 5;
  private static final int PER_USER = 4_000;
  private static final byte[] ACKNOWLEDGED = ">I99<".getBytes(StandardCharsets.UTF_8);

  private DeviceFlowUnderLoad() {}

  /** The options; see the class description. */
  record Options(
      String store,
      int rate,
      int seconds,
      int warmupSeconds,
      int connections,
      int premises,
      int workers) {

    static Options parse(String[] args) {
      String store = "h2";
      int rate = 1_000;
      int seconds = 600;
      int warmup = 15;
      int connections = 16;
      int premises = 300;
      int workers = 0;
      for (int i = 0; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--store" -> store = value;
          case "--rate" -> rate = Integer.parseInt(value);
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--connections" -> connections = Integer.parseInt(value);
          case "--premises" -> premises = Integer.parseInt(value);
          case "--workers" -> workers = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("Unknown option " + args[i]);
        }
      }
      if (!List.of("memory", "h2", "postgres").contains(store)) {
        throw new IllegalArgumentException("--store is memory, h2 or postgres, not " + store);
      }
      return new Options(store, rate, seconds, warmup, connections, premises, workers);
    }
  }

  /**
   * What a run measured.
   *
   * @param store where the outbox was kept
   * @param load the acknowledgements in the measured window
   * @param minutes the per-minute rows, as printed
   * @param received the responses the User's endpoint received from the start of the load (warm-up
   *     seconds included) until the outbox drained
   * @param pending messages still pending delivery at the end
   * @param dead dead letters at the end
   * @param drained whether the outbox emptied after the load
   * @param verified messages whose signature the endpoint verified
   * @param refused messages whose signature the endpoint refused
   */
  record Result(
      String store,
      LoadResult load,
      List<String> minutes,
      long received,
      long pending,
      long dead,
      boolean drained,
      long verified,
      long refused) {}

  /** Runs the benchmark; see the class description for the options. */
  public static void main(String[] args) throws Exception {
    print(run(Options.parse(args)));
  }

  static Result run(Options o) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "Device SRs under load: SR 4.1.1 CV 1 at %d/s open loop over %d connections (one User"
            + " each), %d s warm-up + %d s measured, outbox in %s, ECDSA on %s, max heap %d MiB,"
            + " %d cores%n",
        o.rate(),
        o.connections(),
        o.warmupSeconds(),
        o.seconds(),
        o.store(),
        EcdsaProvider.description(),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    return switch (o.store()) {
      case "memory" -> measure(Simulator.builder(), o);
      case "h2" ->
          BenchmarkStore.h2(
              Optional.empty(),
              false,
              "dccsim-device-flow",
              repo -> measure(Simulator.builder().repository(repo), o));
      default ->
          BenchmarkStore.postgres(
              Optional.empty(),
              false,
              "dccsim_device_flow_",
              repo -> measure(Simulator.builder().repository(repo), o));
    };
  }

  private static Result measure(Simulator.Builder builder, Options o) throws Exception {
    int workers = o.workers() > 0 ? o.workers() : Runtime.getRuntime().availableProcessors();
    try (Receiver receiver = Receiver.start();
        SimulatorUnderLoad sim =
            SimulatorUnderLoad.start(
                builder.syntheticEstate(o.premises()).signatureChecks(true),
                o.connections(),
                PER_USER,
                workers,
                new MeterReads(o.premises()));
        LoadGenerator gen = new LoadGenerator(1)) {
      Simulator dcc = sim.simulator();
      receiver.trust(dcc.dccCertificate());
      for (int i = 0; i < o.connections(); i++) {
        dcc.receiveUrl(SimulatorUnderLoad.user(i), receiver.url());
        dcc.receiveUrl(SimulatorUnderLoad.warmupUser(i), receiver.url());
      }
      String sample = new String(sim.sampleResponse(), StandardCharsets.UTF_8);
      if (!sample.contains(">I99<")) {
        throw new IllegalStateException("SR 4.1.1 was not acknowledged I99: " + sample);
      }
      gen.closedLoop(
          sim.warmupTarget(),
          o.connections(),
          Duration.ZERO,
          Duration.ofSeconds(JIT_WARMUP_SECONDS));
      drain(dcc, Duration.ofSeconds(60));
      System.gc();
      LoadTarget target =
          sim.target("SR 4.1.1 CV 1, " + o.store()).startingOver(dcc::forgetRequestCounters);
      long receivedBefore = receiver.received.get();
      List<String> minutes = new ArrayList<>();
      LoadResult r;
      try (HeapSampler heap = new HeapSampler(1000);
          Minutes perMinute = new Minutes(dcc, receiver, heap, minutes)) {
        r =
            gen.openLoop(
                target,
                o.rate(),
                o.connections(),
                Duration.ofSeconds(o.warmupSeconds()),
                Duration.ofSeconds(o.seconds()));
        perMinute.flush();
      }
      boolean drained = drain(dcc, Duration.ofSeconds(120));
      if (receiver.firstRefusal.get() != null) {
        System.out.println("first refusal: " + receiver.firstRefusal.get());
      }
      return new Result(
          o.store(),
          r,
          List.copyOf(minutes),
          receiver.received.get() - receivedBefore,
          dcc.outbox().pendingCount(),
          dcc.outbox().deadCount(),
          drained,
          receiver.verified.get(),
          receiver.refused.get());
    }
  }

  static void print(Result x) {
    LoadResult r = x.load();
    System.out.println();
    System.out.println(
        "| minute | acknowledged | delivered | most pending | heap low MiB | heap high MiB |");
    System.out.println("|---:|---:|---:|---:|---:|---:|");
    x.minutes().forEach(System.out::println);
    System.out.println();
    System.out.println(
        "| store | rate | achieved /s | acknowledged | errors | p50 ms | p90 ms | p99 ms |"
            + " p99.9 ms | max ms |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.1f | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
        x.store(),
        r.mode(),
        r.throughput(),
        r.completed(),
        r.errors(),
        r.percentileMillis(50),
        r.percentileMillis(90),
        r.percentileMillis(99),
        r.percentileMillis(99.9),
        r.latency().getMaxValue() / 1000.0);
    System.out.printf(
        Locale.ROOT,
        "%nresponses received by the User's endpoint from the start of the load: %d"
            + " (acknowledged in the measured window %d, in the seconds before it %d);"
            + " pending at the end %d, dead letters %d, outbox drained: %s;"
            + " signatures verified on %d, refused %d%n",
        x.received(),
        r.completed(),
        x.received() - r.completed(),
        x.pending(),
        x.dead(),
        x.drained(),
        x.verified(),
        x.refused());
  }

  private static boolean drain(Simulator dcc, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (dcc.outbox().pendingCount() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(100);
    }
    return true;
  }

  /** Every second: the most pending; every minute: a row of the table. */
  private static final class Minutes implements AutoCloseable {
    private final Simulator dcc;
    private final Receiver receiver;
    private final HeapSampler heap;
    private final List<String> rows;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "minutes");
              t.setDaemon(true);
              return t;
            });
    private final AtomicLong mostPending = new AtomicLong();
    private long seconds;
    private long lastAcknowledged;
    private long lastReceived;
    private int heapFrom;

    Minutes(Simulator dcc, Receiver receiver, HeapSampler heap, List<String> rows) {
      this.dcc = dcc;
      this.receiver = receiver;
      this.heap = heap;
      this.rows = rows;
      this.lastAcknowledged = acknowledged(dcc);
      this.lastReceived = receiver.received.get();
      timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private static long acknowledged(Simulator dcc) {
      return (long)
          dcc.metrics().registry().find("dccsim.requests").tag("code", "I99").counters().stream()
              .mapToDouble(io.micrometer.core.instrument.Counter::count)
              .sum();
    }

    private synchronized void tick() {
      mostPending.accumulateAndGet(dcc.outbox().pendingCount(), Math::max);
      if (++seconds % 60 == 0) {
        row();
      }
    }

    private synchronized void row() {
      List<Long> samples = heap.samples();
      long low = Long.MAX_VALUE;
      long high = 0;
      for (int i = heapFrom; i < samples.size(); i++) {
        low = Math.min(low, samples.get(i));
        high = Math.max(high, samples.get(i));
      }
      heapFrom = samples.size();
      long ack = acknowledged(dcc);
      long rec = receiver.received.get();
      rows.add(
          String.format(
              Locale.ROOT,
              "| %d | %d | %d | %d | %d | %d |",
              (seconds + 59) / 60,
              ack - lastAcknowledged,
              rec - lastReceived,
              mostPending.getAndSet(0),
              low == Long.MAX_VALUE ? 0 : low >> 20,
              high >> 20));
      lastAcknowledged = ack;
      lastReceived = rec;
    }

    /** A last, partial row for the seconds since the last full minute. */
    synchronized void flush() {
      if (seconds % 60 != 0) {
        row();
      }
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  /** SR 4.1.1 Read Instantaneous Import Registers to an electricity meter of the estate. */
  private static final class MeterReads implements SimulatorUnderLoad.Requests {
    private final int premises;
    private final RequestBody body =
        RawRequestBody.emptyElement("ReadInstantaneousImportRegisters");

    MeterReads(int premises) {
      this.premises = premises;
    }

    @Override
    public ServiceReferenceVariant variant() {
      return ServiceReferenceVariant.parse("4.1.1");
    }

    @Override
    public CommandVariant commandVariant() {
      return CommandVariant.SEND_VIA_WAN;
    }

    @Override
    public Optional<Eui64> device(int stream, int index) {
      return Optional.of(SyntheticEstate.eui(DeviceType.ESME, (stream * 7919 + index) % premises));
    }

    @Override
    public byte[] success() {
      return ACKNOWLEDGED.clone();
    }

    @Override
    public RequestBody body(int stream, int index) {
      return body;
    }
  }

  /** The Users' receiving endpoint: answers 204, verifies one message in {@value #VERIFY_EVERY}. */
  private static final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final AtomicReference<DuisSignatureVerifier> verifier = new AtomicReference<>();
    final AtomicLong received = new AtomicLong();
    final AtomicLong verified = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicReference<String> firstRefusal = new AtomicReference<>();

    private Receiver(HttpServer server) {
      this.server = server;
    }

    static Receiver start() throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
      Receiver r = new Receiver(server);
      server.createContext("/", r::receive);
      server.setExecutor(r.workers);
      server.start();
      return r;
    }

    void trust(java.security.cert.X509Certificate dcc) {
      verifier.set(new DuisSignatureVerifier(CertificateResolver.of(dcc)));
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/duis");
    }

    private void receive(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
      try (exchange) {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readNBytes(1 << 20);
        }
        long n = received.incrementAndGet();
        int status = 204;
        if (n % VERIFY_EVERY == 0) {
          try {
            verifier.get().verify(SecureXml.withDefaults().parse(body));
            verified.incrementAndGet();
          } catch (RuntimeException e) {
            refused.incrementAndGet();
            firstRefusal.compareAndSet(null, e.toString());
            status = 400;
          }
        }
        exchange.sendResponseHeaders(status, -1);
      }
    }

    @Override
    public void close() {
      server.stop(0);
      workers.shutdownNow();
    }
  }
}
