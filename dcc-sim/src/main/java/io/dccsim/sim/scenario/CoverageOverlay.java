package io.dccsim.sim.scenario;

import io.dccsim.core.value.Postcode;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.coverage.RegionAnswer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CoverageModel} that answers SR 12.1 for the postcodes and UPRNs a test names, and asks
 * the underlying model about everything else:
 *
 * <pre>{@code
 * overlay.forPostcode("M22 0RR").covered();
 * overlay.forPostcode("SW1A 1AA").inRegion(CspRegion.SOUTH).notCoveredUntil(LocalDate.of(2022, 3, 1));
 * overlay.forUprn(100023336956L).unknownVariant(LocalDate.of(2021, 9, 1));
 * overlay.forPostcode("ZZ1 1ZZ").notFound();
 * }</pre>
 *
 * <p>Answers are the coverage data; the server still applies the baseline's reporting rules when it
 * writes them (MP146 hides dates after 2021-01-01 before go-live; MP106 reads {@code " "} as
 * Unknown). Thread-safe; the most recent answer for a key wins.
 */
public final class CoverageOverlay implements CoverageModel {
  /** The WAN variant given to covered answers unless the test names one. */
  public static final String DEFAULT_WAN_TECHNOLOGY = "Dual Band CH";

  private final CoverageModel underlying;
  private final Map<String, CoverageAnswer> byPostcode = new ConcurrentHashMap<>();
  private final Map<Long, CoverageAnswer> byUprn = new ConcurrentHashMap<>();

  /** An overlay over {@code underlying} (normally the simulator's own coverage model). */
  public CoverageOverlay(CoverageModel underlying) {
    this.underlying = Objects.requireNonNull(underlying, "underlying");
  }

  /** The model this overlay asks about everything it does not answer itself. */
  public CoverageModel underlying() {
    return underlying;
  }

  /**
   * Starts shaping answers for a postcode.
   *
   * @throws IllegalArgumentException when it is not a GB postcode (use {@link
   *     CoverageAnswer.InvalidPostcode} answers from the underlying model for those)
   */
  public Shaping forPostcode(String postcode) {
    String key = Postcode.parse(postcode).toString();
    return new Shaping(answer -> byPostcode.put(key, answer));
  }

  /** Starts shaping answers for a UPRN. */
  public Shaping forUprn(long uprn) {
    long key = new CoverageQuestion.ByUprn(uprn).uprn();
    return new Shaping(answer -> byUprn.put(key, answer));
  }

  /** Forgets every shaped answer. */
  public void clear() {
    byPostcode.clear();
    byUprn.clear();
  }

  /** How many postcodes and UPRNs have shaped answers. */
  public int size() {
    return byPostcode.size() + byUprn.size();
  }

  @Override
  public CoverageAnswer answer(CoverageQuestion question) {
    CoverageAnswer shaped = null;
    if (question instanceof CoverageQuestion.ByUprn u) {
      shaped = byUprn.get(u.uprn());
    } else if (question instanceof CoverageQuestion.ByAddress a && !byPostcode.isEmpty()) {
      shaped = canonical(a.postcode()).map(byPostcode::get).orElse(null);
    }
    return shaped != null ? shaped : underlying.answer(question);
  }

  private static Optional<String> canonical(String postcode) {
    try {
      return Optional.of(Postcode.parse(postcode).toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Shapes the answer for one postcode or UPRN; each terminal method registers it. */
  public static final class Shaping {
    private final java.util.function.Consumer<CoverageAnswer> register;
    private CspRegion region = CspRegion.CENTRAL;
    private ConnectivityLikelihood likelihood = ConnectivityLikelihood.HIGH;
    private String technology = DEFAULT_WAN_TECHNOLOGY;

    private Shaping(java.util.function.Consumer<CoverageAnswer> register) {
      this.register = register;
    }

    /** The CSP region of the answer (default Central). */
    public Shaping inRegion(CspRegion region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The connectivity likelihood of the answer (default High). */
    public Shaping withLikelihood(ConnectivityLikelihood likelihood) {
      this.likelihood = Objects.requireNonNull(likelihood, "likelihood");
      return this;
    }

    /** The WAN variant text of a covered answer (default {@value #DEFAULT_WAN_TECHNOLOGY}). */
    public Shaping withWanTechnology(String technology) {
      this.technology = Objects.requireNonNull(technology, "technology");
      return this;
    }

    /** Covered now. */
    public void covered() {
      region(true, Optional.empty(), technology);
    }

    /** Not covered now; coverage anticipated on {@code date}. */
    public void notCoveredUntil(LocalDate date) {
      region(false, Optional.of(Objects.requireNonNull(date, "date")), technology);
    }

    /** Not covered and no date known. */
    public void notCovered() {
      region(false, Optional.empty(), technology);
    }

    /**
     * Not covered now, coverage anticipated on {@code date}, WAN variant unconfirmed (a single
     * space, what South and Central send; Unknown since MP106).
     */
    public void unknownVariant(LocalDate date) {
      region(
          false,
          Optional.of(Objects.requireNonNull(date, "date")),
          RegionAnswer.UNCONFIRMED_WAN_VARIANT);
    }

    /** Covered now, WAN variant unconfirmed ({@code " "}). */
    public void unknownVariant() {
      region(true, Optional.empty(), RegionAnswer.UNCONFIRMED_WAN_VARIANT);
    }

    /** Address or UPRN not found ({@code E120101}). */
    public void notFound() {
      register.accept(new CoverageAnswer.NotFound());
    }

    /** Coverage data unavailable ({@code E120103}). */
    public void unavailable() {
      register.accept(new CoverageAnswer.Unavailable());
    }

    /** Any answer, for full control (several regions, auxiliary equipment, ...). */
    public void answer(CoverageAnswer answer) {
      register.accept(Objects.requireNonNull(answer, "answer"));
    }

    private void region(boolean covered, Optional<LocalDate> date, String wanTechnology) {
      register.accept(
          new CoverageAnswer.Regions(
              List.of(
                  new RegionAnswer(
                      region,
                      covered,
                      date,
                      wanTechnology,
                      likelihood,
                      Optional.empty(),
                      Optional.empty()))));
    }
  }
}
