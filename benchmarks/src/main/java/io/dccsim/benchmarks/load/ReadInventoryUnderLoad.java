package io.dccsim.benchmarks.load;

import io.dccsim.benchmarks.BenchmarkStore;
import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.smki.repository.CertificateRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * SR 8.2 Read Inventory under an open-loop load, on an estate of a million devices kept in an H2
 * file store or in PostgreSQL, with every check on (signatures verified, replay counters, schema).
 * Requests are a mix, in turn, of {@code DeviceID} (any of a premises' six devices), {@code UPRN},
 * {@code MPxN} (MPAN and MPRN alternately) and {@code PropertyFilter}, each on a premises drawn at
 * random over the whole estate; any answer but I0 counts as an error.
 *
 * <pre>
 * benchmarks/run read-inventory --store h2 --devices 1000000 --rate 500 --seconds 30
 * </pre>
 *
 * <p>Options: {@code --store h2|postgres} (default h2), {@code --devices N} (default 1,000,000,
 * rounded up to whole premises), {@code --rate R} requests a second (default 500), {@code --seconds
 * S} measured (default 30), {@code --warmup S} seconds of the same load first, not measured
 * (default 15), {@code --connections C} (default 16), {@code --dir D} for the H2 store, {@code
 * --schema S} for the PostgreSQL one (default a new directory or schema, deleted afterwards unless
 * {@code --keep}). A store that already holds the estate (the same devices, from the same seed as
 * the inventory benchmark's) is reused as it is, which saves the load; an empty one is loaded
 * first. PostgreSQL is reached as the inventory benchmark reaches it ({@code DCCSIM_POSTGRES_URL},
 * {@code DCCSIM_POSTGRES_USER}, {@code DCCSIM_POSTGRES_PASSWORD}).
 */
public final class ReadInventoryUnderLoad {
  /** The inventory benchmark's seed, so that a store it kept can be reused here. */
  static final long SEED = 20_240_601L;

  private static final int CHUNK = 1_000;
  private static final int JIT_WARMUP_SECONDS = 5;

  private ReadInventoryUnderLoad() {}

  /** The options; see the class description. */
  record Options(
      String store,
      long devices,
      int rate,
      int seconds,
      int warmupSeconds,
      int connections,
      Optional<Path> dir,
      Optional<String> schema,
      boolean keep) {

    static Options parse(String[] args) {
      String store = "h2";
      long devices = 1_000_000;
      int rate = 500;
      int seconds = 30;
      int warmup = 15;
      int connections = 16;
      Optional<Path> dir = Optional.empty();
      Optional<String> schema = Optional.empty();
      boolean keep = false;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--keep")) {
          keep = true;
          continue;
        }
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--store" -> store = value;
          case "--devices" -> devices = Long.parseLong(value);
          case "--rate" -> rate = Integer.parseInt(value);
          case "--seconds" -> seconds = Integer.parseInt(value);
          case "--warmup" -> warmup = Integer.parseInt(value);
          case "--connections" -> connections = Integer.parseInt(value);
          case "--dir" -> dir = Optional.of(Path.of(value));
          case "--schema" -> schema = Optional.of(value);
          default -> throw new IllegalArgumentException("Unknown option " + args[i]);
        }
        i++;
      }
      if (!store.equals("h2") && !store.equals("postgres")) {
        throw new IllegalArgumentException("--store is h2 or postgres, not " + store);
      }
      return new Options(store, devices, rate, seconds, warmup, connections, dir, schema, keep);
    }

    int premises() {
      int perPremises = SyntheticEstate.TYPES_PER_PREMISES.size();
      return (int) ((devices + perPremises - 1) / perPremises);
    }
  }

  /**
   * What a run measured.
   *
   * @param store the store's label
   * @param devices the devices the store held
   * @param loadSeconds how long loading the estate took, or 0 when a loaded store was reused
   * @param load the measured open-loop window
   * @param peakHeapMiB the heap used at its highest, sampled every second during the run
   * @param maxHeapMiB the JVM's maximum heap
   */
  record Result(
      String store,
      long devices,
      double loadSeconds,
      LoadResult load,
      long peakHeapMiB,
      long maxHeapMiB) {}

  /** Runs the benchmark; see the class description for the options. */
  public static void main(String[] args) throws Exception {
    Result r = run(Options.parse(args));
    print(r);
  }

  static Result run(Options o) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "SR 8.2 under load: %s, %d premises (%d devices), %d/s open loop over %d connections,"
            + " %d s warm-up + %d s measured, max heap %d MiB, %d cores%n",
        o.store(),
        o.premises(),
        (long) o.premises() * SyntheticEstate.TYPES_PER_PREMISES.size(),
        o.rate(),
        o.connections(),
        o.warmupSeconds(),
        o.seconds(),
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());
    return o.store().equals("h2") ? h2(o) : postgres(o);
  }

  private static Result h2(Options o) throws Exception {
    return BenchmarkStore.h2(
        o.dir(), o.keep(), "dccsim-read-inventory", repo -> measure("H2 (file, synced)", repo, o));
  }

  private static Result postgres(Options o) throws Exception {
    return BenchmarkStore.postgres(
        o.schema(), o.keep(), "dccsim_read_inventory_", repo -> measure("PostgreSQL", repo, o));
  }

  private static Result measure(String name, CertificateRepository repo, Options o)
      throws Exception {
    DeviceInventory inventory =
        repo.deviceInventory().orElseThrow(() -> new IllegalStateException(name + ": no SMI"));
    int premises = o.premises();
    long expected = (long) premises * SyntheticEstate.TYPES_PER_PREMISES.size();
    long held = inventory.count();
    double loadSeconds = 0;
    if (held == 0) {
      long t0 = System.nanoTime();
      SyntheticEstate.generate(premises, SEED, CHUNK, inventory::addAll);
      loadSeconds = (System.nanoTime() - t0) / 1e9;
      held = inventory.count();
      System.out.printf(Locale.ROOT, "%s: loaded %d devices in %.1f s%n", name, held, loadSeconds);
    } else if (held == expected
        && inventory.find(SyntheticEstate.eui(DeviceType.IHD, premises - 1)).isPresent()) {
      System.out.printf("%s: reusing the %d devices the store holds%n", name, held);
    } else {
      throw new IllegalStateException(
          name + " holds " + held + " devices, not an estate of " + expected + "; use another");
    }
    Estate estate = Estate.of(premises);
    int cores = Runtime.getRuntime().availableProcessors();
    long total = (long) o.rate() * (o.warmupSeconds() + o.seconds());
    // Requests go to whichever connection is idle; a stream that runs out starts over, after the
    // simulator forgets the counters it saw (as the soak run does).
    int perUser = (int) Math.min(20_000, total / o.connections() + 100);
    System.gc();
    try (SimulatorUnderLoad sim =
            SimulatorUnderLoad.start(
                Simulator.builder().repository(repo).syntheticEstate(0).signatureChecks(true),
                o.connections(),
                perUser,
                cores,
                estate);
        LoadGenerator gen = new LoadGenerator(1)) {
      String sample = new String(sim.sampleResponse(), StandardCharsets.UTF_8);
      if (!sample.contains(">I0<") || !sample.contains("DSPInventory")) {
        throw new IllegalStateException("SR 8.2 was not answered with an inventory: " + sample);
      }
      // The JIT first (the warm-up streams wrap around, so mostly E1 answers after the first
      // pass), then the measured load, whose first seconds are discarded.
      gen.closedLoop(
          sim.warmupTarget(),
          o.connections(),
          Duration.ZERO,
          Duration.ofSeconds(JIT_WARMUP_SECONDS));
      System.gc();
      LoadTarget target =
          sim.target("SR 8.2 Read Inventory, " + name)
              .startingOver(sim.simulator()::forgetRequestCounters);
      try (HeapSampler heap = new HeapSampler(1000)) {
        LoadResult r =
            gen.openLoop(
                target,
                o.rate(),
                o.connections(),
                Duration.ofSeconds(o.warmupSeconds()),
                Duration.ofSeconds(o.seconds()));
        return new Result(
            name, held, loadSeconds, r, heap.peakMiB(), Runtime.getRuntime().maxMemory() >> 20);
      }
    }
  }

  /**
   * The keys of every premises of the estate, as {@link SyntheticEstate#generate} makes them, and
   * the SR 8.2 bodies drawn from them.
   */
  private static final class Estate implements SimulatorUnderLoad.Requests {
    private final long[] uprns;
    private final String[] postcodes;
    private final String[] addresses;
    private final String[] mpans;
    private final String[] mprns;

    private Estate(int premises) {
      uprns = new long[premises];
      postcodes = new String[premises];
      addresses = new String[premises];
      mpans = new String[premises];
      mprns = new String[premises];
    }

    static Estate of(int premises) {
      Estate e = new Estate(premises);
      int perPremises = SyntheticEstate.TYPES_PER_PREMISES.size();
      int[] first = {0};
      SyntheticEstate.generate(
          premises,
          SEED,
          CHUNK,
          chunk -> {
            for (int i = 0; i < chunk.size(); i++) {
              Device d = chunk.get(i);
              int n = first[0] + i / perPremises;
              switch (d.type()) {
                case ESME -> {
                  e.uprns[n] = d.uprn().orElseThrow().value();
                  e.postcodes[n] = d.postcode().orElseThrow().toString();
                  e.addresses[n] = d.addressIdentifier().orElseThrow();
                  e.mpans[n] = d.mpxns().get(0);
                }
                case GSME -> e.mprns[n] = d.mpxns().get(0);
                default -> {}
              }
            }
            first[0] += chunk.size() / perPremises;
          });
      return e;
    }

    @Override
    public ServiceReferenceVariant variant() {
      return ServiceReferenceVariant.parse("8.2");
    }

    @Override
    public RequestBody body(int stream, int index) {
      SplittableRandom random = new SplittableRandom(SEED ^ ((long) stream << 32 | index));
      int n = random.nextInt(uprns.length);
      String inner =
          switch (index % 4) {
            case 0 -> {
              List<DeviceType> types = SyntheticEstate.TYPES_PER_PREMISES;
              yield element(
                  "DeviceID",
                  SyntheticEstate.eui(types.get(random.nextInt(types.size())), n).toString());
            }
            case 1 -> element("UPRN", Long.toString(uprns[n]));
            case 2 -> element("MPxN", (index / 4) % 2 == 0 ? mpans[n] : mprns[n]);
            default ->
                "<sr:PropertyFilter>"
                    + element("PostCode", postcodes[n])
                    + element("AddressIdentifier", addresses[n])
                    + "</sr:PropertyFilter>";
          };
      String xml =
          "<sr:ReadInventory xmlns:sr=\"" + Duis.NS + "\">" + inner + "</sr:ReadInventory>";
      return RawRequestBody.of(
          SecureXml.withDefaults()
              .parse(xml.getBytes(StandardCharsets.UTF_8))
              .getDocumentElement());
    }

    private static String element(String name, String text) {
      return "<sr:" + name + ">" + text + "</sr:" + name + ">";
    }
  }

  static void print(Result r) {
    LoadResult l = r.load();
    System.out.println();
    System.out.println(
        "| store | devices | rate | achieved /s | ok | errors | p50 ms | p90 ms | p99 ms |"
            + " p99.9 ms | max ms | peak heap MiB (max) |");
    System.out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %.1f | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %d (%d) |%n",
        r.store(),
        r.devices(),
        l.mode(),
        l.throughput(),
        l.completed(),
        l.errors(),
        l.percentileMillis(50),
        l.percentileMillis(90),
        l.percentileMillis(99),
        l.percentileMillis(99.9),
        l.latency().getMaxValue() / 1000.0,
        r.peakHeapMiB(),
        r.maxHeapMiB());
  }
}
