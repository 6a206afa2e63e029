package io.dccsim.sim.scenario;

import io.dccsim.core.value.Eui64;
import io.dccsim.sim.spi.Intervention;
import io.dccsim.sim.spi.InterventionSource;
import io.dccsim.sim.spi.RequestFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The scenarios shaping the simulator's answers, and the {@link InterventionSource} the server
 * consults for each authenticated request.
 *
 * <pre>{@code
 * scenarios.forPostcode("M22 0RR").respondWithCode("E120101").always();
 * scenarios.forOriginator(supplier).serviceUnavailable().times(2);
 * scenarios.forAnyRequest().randomDelay(ofMillis(50), ofMillis(500)).always();
 * }</pre>
 *
 * <p>For each request the newest scenario that matches and is not exhausted applies (so a later
 * scenario overrides an earlier one), and only that one. Random delays are drawn from one seedable
 * generator: with the same seed and the same order of requests, the same delays recur.
 *
 * <p>Thread-safe. At most {@link #MAX_SCENARIOS} scenarios are held.
 */
public final class Scenarios implements InterventionSource {
  /** The seed used when none is given, so runs reproduce by default. */
  public static final long DEFAULT_SEED = 0x6B_12_01L;

  /** The most scenarios held at once. */
  public static final int MAX_SCENARIOS = 10_000;

  private final CopyOnWriteArrayList<Scenario> scenarios = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final Object randomLock = new Object();
  private RandomGenerator random;

  /** Scenarios drawing random delays from {@link #DEFAULT_SEED}. */
  public Scenarios() {
    this(new SplittableRandom(DEFAULT_SEED));
  }

  /** Scenarios drawing random delays from {@code random} (used under a lock). */
  public Scenarios(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Scenarios drawing random delays from a generator seeded with {@code seed}. */
  public static Scenarios seeded(long seed) {
    return new Scenarios(new SplittableRandom(seed));
  }

  /** Restarts the random delays from {@code seed}. */
  public void reseed(long seed) {
    synchronized (randomLock) {
      random = new SplittableRandom(seed);
    }
  }

  /** Starts a scenario for requests naming this postcode (any spacing or case). */
  public ScenarioBuilder forPostcode(String postcode) {
    return forAnyRequest().forPostcode(postcode);
  }

  /** Starts a scenario for requests naming this UPRN. */
  public ScenarioBuilder forUprn(String uprn) {
    return forAnyRequest().forUprn(uprn);
  }

  /** Starts a scenario for requests naming this UPRN. */
  public ScenarioBuilder forUprn(long uprn) {
    return forUprn(Long.toString(uprn));
  }

  /** Starts a scenario for requests from this originator. */
  public ScenarioBuilder forOriginator(Eui64 originator) {
    return forAnyRequest().from(originator);
  }

  /** Starts a scenario for requests for this Service Reference, e.g. {@code 12.1}. */
  public ScenarioBuilder forServiceReference(String serviceReference) {
    return forAnyRequest().forServiceReference(serviceReference);
  }

  /** Starts a scenario for requests whose RequestID targets this device. */
  public ScenarioBuilder forDevice(Eui64 device) {
    return forAnyRequest().toDevice(device);
  }

  /** Starts a scenario for every authenticated request. */
  public ScenarioBuilder forAnyRequest() {
    return new ScenarioBuilder(this, RequestSelector.any());
  }

  /**
   * Registers a scenario.
   *
   * @throws IllegalStateException when {@link #MAX_SCENARIOS} are already held
   */
  public Scenario add(ScenarioDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    synchronized (scenarios) {
      if (scenarios.size() >= MAX_SCENARIOS) {
        throw new IllegalStateException(
            "At most " + MAX_SCENARIOS + " scenarios are held; clear or remove some first");
      }
      Scenario s = new Scenario(ids.incrementAndGet(), definition);
      scenarios.add(0, s);
      return s;
    }
  }

  /** The registered scenarios, newest first, exhausted ones included. */
  public List<Scenario> list() {
    return List.copyOf(scenarios);
  }

  /** The scenario with this id, when registered. */
  public Optional<Scenario> find(long id) {
    for (Scenario s : scenarios) {
      if (s.id() == id) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Removes the scenario with this id; false when there was none. */
  public boolean remove(long id) {
    return scenarios.removeIf(s -> s.id() == id);
  }

  /** Removes every scenario. */
  public void clear() {
    scenarios.clear();
  }

  @Override
  public List<Intervention> interventionsFor(RequestFacts facts) {
    return shape(facts).interventions();
  }

  /** The newest matching scenario's interventions, named {@code scenario N (what it selects)}. */
  @Override
  public Shaped shape(RequestFacts facts) {
    Objects.requireNonNull(facts, "facts");
    for (Scenario s : scenarios) {
      if (s.definition().selector().matches(facts) && s.tryConsume()) {
        return new Shaped(
            resolve(s.definition().effects()),
            java.util.Optional.of(
                "scenario " + s.id() + " (" + s.definition().selector().describe() + ")"));
      }
    }
    return new Shaped(List.of(), java.util.Optional.empty());
  }

  private List<Intervention> resolve(List<Effect> effects) {
    List<Intervention> out = new ArrayList<>(effects.size());
    synchronized (randomLock) {
      for (Effect e : effects) {
        out.add(e.resolve(random));
      }
    }
    return out;
  }
}
