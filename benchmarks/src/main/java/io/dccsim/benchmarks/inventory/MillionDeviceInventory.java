package io.dccsim.benchmarks.inventory;

import io.dccsim.benchmarks.BenchmarkStore;
import io.dccsim.benchmarks.load.HeapSampler;
import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.smki.repository.CertificateRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Loads a synthetic estate ({@link SyntheticEstate}, six devices a premises) into the device
 * inventory of an H2 file store and of a PostgreSQL store, then times the lookups SR 8.2 Read
 * Inventory makes: by device EUI-64, UPRN, MPxN and postcode. Prints the load time, devices a
 * second and peak heap, and p50/p99/max per lookup. Run with the heap the goal names:
 *
 * <pre>
 * benchmarks/run inventory --store both --devices 1000000
 * </pre>
 *
 * <p>Options: {@code --store h2|postgres|both} (default both), {@code --devices N} (default
 * 1,000,000; rounded up to whole premises), {@code --lookups N} per kind (default 5,000, after as
 * many again of warm-up), {@code --chunk P} premises per {@code addAll} (default 1,000), {@code
 * --dir D} for the H2 store (default a new temporary directory, deleted afterwards unless {@code
 * --keep}). PostgreSQL is reached as the tests reach it: {@code DCCSIM_POSTGRES_URL}, {@code
 * DCCSIM_POSTGRES_USER} and {@code DCCSIM_POSTGRES_PASSWORD}, by default {@code
 * jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}; the estate goes into a new schema,
 * dropped afterwards unless {@code --keep}.
 */
public final class MillionDeviceInventory {

  private static final long SEED = 20_240_601L;

  private MillionDeviceInventory() {}

  /** What one store's run measured. */
  record Result(
      String store,
      long devices,
      double loadSeconds,
      long peakHeapMiB,
      long poolPeaksMiB,
      long held,
      List<Lookup> lookups) {}

  /** One kind of lookup: latencies in nanoseconds, and how many answered as expected. */
  record Lookup(String kind, long[] nanos, int answered) {
    double percentileMillis(double p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    double maxMillis() {
      return Arrays.stream(nanos).max().orElse(0) / 1e6;
    }
  }

  /** Runs the benchmark; see the class description for the options. */
  public static void main(String[] args) throws Exception {
    String store = "both";
    long devices = 1_000_000;
    int lookups = 5_000;
    int chunk = 1_000;
    Optional<Path> dir = Optional.empty();
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
        case "--lookups" -> lookups = Integer.parseInt(value);
        case "--chunk" -> chunk = Integer.parseInt(value);
        case "--dir" -> dir = Optional.of(Path.of(value));
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
      i++;
    }
    int perPremises = SyntheticEstate.TYPES_PER_PREMISES.size();
    int premises = (int) ((devices + perPremises - 1) / perPremises);
    System.out.printf(
        "device inventory: %d premises, %d devices, max heap %d MiB, %d lookups of each kind%n",
        premises, (long) premises * perPremises, Runtime.getRuntime().maxMemory() >> 20, lookups);
    List<Result> results = new ArrayList<>();
    if (store.equals("h2") || store.equals("both")) {
      results.add(h2(premises, lookups, chunk, dir, keep));
    }
    if (store.equals("postgres") || store.equals("both")) {
      results.add(postgres(premises, lookups, chunk, keep));
    }
    if (results.isEmpty()) {
      throw new IllegalArgumentException("--store is h2, postgres or both, not " + store);
    }
    print(results);
  }

  private static Result h2(int premises, int lookups, int chunk, Optional<Path> dir, boolean keep)
      throws Exception {
    return BenchmarkStore.h2(
        dir,
        keep,
        "dccsim-inventory",
        repo -> run("H2 (file, synced)", repo, premises, lookups, chunk));
  }

  private static Result postgres(int premises, int lookups, int chunk, boolean keep)
      throws Exception {
    return BenchmarkStore.postgres(
        Optional.empty(),
        keep,
        "dccsim_inventory_bench_",
        repo -> run("PostgreSQL", repo, premises, lookups, chunk));
  }

  private static Result run(
      String name, CertificateRepository repo, int premises, int lookups, int chunk) {
    DeviceInventory inventory =
        repo.deviceInventory().orElseThrow(() -> new IllegalStateException(name + ": no SMI"));
    System.gc();
    resetPeakHeap();
    double loadSeconds;
    long loaded;
    long peakMiB;
    long poolPeaksMiB;
    try (HeapSampler heap = new HeapSampler(20)) {
      long t0 = System.nanoTime();
      loaded = SyntheticEstate.generate(premises, SEED, chunk, inventory::addAll);
      loadSeconds = (System.nanoTime() - t0) / 1e9;
      peakMiB = heap.peakMiB();
      poolPeaksMiB = peakHeap() >> 20;
    }
    long held = inventory.count();
    System.out.printf(
        "%s: loaded %d devices in %.1f s (%.0f devices/s), peak heap used %d MiB (sampled every"
            + " 20 ms; the heap pools' peaks summed, an upper bound: %d MiB); %d held%n",
        name, loaded, loadSeconds, loaded / loadSeconds, peakMiB, poolPeaksMiB, held);
    return new Result(
        name,
        loaded,
        loadSeconds,
        peakMiB,
        poolPeaksMiB,
        held,
        lookups(inventory, premises, lookups));
  }

  /** The keys of one premises, from its ESME as the store returns it. */
  private record Keys(Device esme, String mprn) {}

  private static List<Lookup> lookups(DeviceInventory inventory, int premises, int count) {
    Random random = new Random(SEED + 1);
    // Warm-up, then the measured round, each over premises drawn at random.
    List<Lookup> measured = List.of();
    for (int round = 0; round < 2; round++) {
      int[] numbers = random.ints(count, 0, premises).toArray();
      List<Keys> keys = new ArrayList<>(count);
      long[] findNanos = new long[count];
      int found = 0;
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        Optional<Device> esme = inventory.find(SyntheticEstate.eui(DeviceType.ESME, numbers[i]));
        findNanos[i] = System.nanoTime() - t0;
        if (esme.isPresent()) {
          found++;
          keys.add(new Keys(esme.get(), mprnOf(inventory, numbers[i])));
        }
      }
      if (keys.isEmpty()) {
        throw new IllegalStateException("No synthetic ESME was found");
      }
      Lookup find = new Lookup("find (device EUI)", findNanos, found);
      // The number of devices each answer must hold: a premises has six devices, an MPAN is held
      // by five (all but the GSME), an MPRN by five (all but the ESME), a postcode's premises six
      // each.
      Lookup byUprn =
          timed(
              "findByUprn",
              keys,
              k -> inventory.findByUprn(k.esme().uprn().orElseThrow()),
              (k, r) -> r.size() == 6 && r.stream().anyMatch(d -> d.equals(k.esme())));
      Lookup byMpxn =
          timed(
              "findByMpxn (MPAN, MPRN alternately)",
              keys,
              alternate(
                  k -> inventory.findByMpxn(k.esme().mpxns().get(0)),
                  k -> inventory.findByMpxn(k.mprn())),
              (k, r) -> r.size() == 5);
      Lookup byPostcode =
          timed(
              "findByPostcode",
              keys,
              k -> inventory.findByPostcode(k.esme().postcode().orElseThrow()),
              (k, r) ->
                  !r.isEmpty()
                      && r.size() % 6 == 0
                      && r.size() <= 6 * SyntheticEstate.PREMISES_PER_POSTCODE
                      && r.stream().allMatch(d -> d.postcode().equals(k.esme().postcode())));
      Lookup byAddress =
          timed(
              "findByAddress (8.2 PropertyFilter)",
              keys,
              k ->
                  inventory.findByAddress(
                      k.esme().postcode().orElseThrow(),
                      k.esme().addressIdentifier().orElseThrow()),
              (k, r) -> r.size() == 6 && r.stream().anyMatch(d -> d.equals(k.esme())));
      measured = List.of(find, byUprn, byMpxn, byAddress, byPostcode);
    }
    return measured;
  }

  private static String mprnOf(DeviceInventory inventory, int number) {
    return inventory
        .find(SyntheticEstate.eui(DeviceType.GSME, number))
        .map(d -> d.mpxns().get(0))
        .orElse("0000000000");
  }

  private static Function<Keys, List<Device>> alternate(
      Function<Keys, List<Device>> even, Function<Keys, List<Device>> odd) {
    int[] n = {0};
    return k -> (n[0]++ % 2 == 0 ? even : odd).apply(k);
  }

  private interface Check {
    boolean ok(Keys keys, List<Device> answer);
  }

  private static Lookup timed(
      String kind, List<Keys> keys, Function<Keys, List<Device>> lookup, Check check) {
    long[] nanos = new long[keys.size()];
    int answered = 0;
    for (int i = 0; i < keys.size(); i++) {
      long t0 = System.nanoTime();
      List<Device> answer = lookup.apply(keys.get(i));
      nanos[i] = System.nanoTime() - t0;
      if (check.ok(keys.get(i), answer)) {
        answered++;
      }
    }
    return new Lookup(kind, nanos, answered);
  }

  private static void print(List<Result> results) {
    System.out.println();
    System.out.println(
        "| store | devices | load s | devices/s | peak heap MiB (pools' peaks) | held |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.1f | %.0f | %d (%d) | %d |%n",
          r.store(),
          r.devices(),
          r.loadSeconds(),
          r.devices() / r.loadSeconds(),
          r.peakHeapMiB(),
          r.poolPeaksMiB(),
          r.held());
    }
    System.out.println();
    System.out.println("| store | lookup | n | answered | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      for (Lookup l : r.lookups()) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %d | %.3f | %.3f | %.3f |%n",
            r.store(),
            l.kind(),
            l.nanos().length,
            l.answered(),
            l.percentileMillis(50),
            l.percentileMillis(99),
            l.maxMillis());
      }
    }
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset, in bytes. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
