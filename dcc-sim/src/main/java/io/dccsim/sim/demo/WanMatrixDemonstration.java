package io.dccsim.sim.demo;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.client.WanMatrixEntry;
import io.dccsim.core.client.WanMatrixResult;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.release.Modification;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.TestUser;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.coverage.RegionAnswer;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The MP106 and MP146 sections of the demonstration: SR 12.1 Request WAN Matrix exchanges sent over
 * HTTP by a signing DUIS client to a running simulator, once with the simulator's clock before
 * go-live and once after, under the by-date baseline policy.
 */
public final class WanMatrixDemonstration {

  /** When the exchanges before go-live are sent. */
  public static final Instant BEFORE = Instant.parse("2021-06-01T10:00:00Z");

  /** When the exchanges after go-live are sent. */
  public static final Instant AFTER = Instant.parse("2021-07-01T10:00:00Z");

  /** The last anticipated coverage date reported before MP146. */
  static final LocalDate MP146_DATE = LocalDate.of(2021, 1, 1);

  /** Postcode areas searched for example addresses, Central and South first. */
  private static final List<String> AREAS =
      List.of("B", "CV", "LE", "NG", "BS", "EX", "SO", "RG", "OX", "BN", "NE", "LS");

  /** How many questions the search for example addresses may ask. */
  private static final int SEARCH_LIMIT = 50_000;

  private final List<DemoSection> sections;

  private WanMatrixDemonstration(List<DemoSection> sections) {
    this.sections = sections;
  }

  /**
   * Starts a simulator on a loopback port, sends the exchanges and stops it.
   *
   * @throws IllegalStateException if the synthetic coverage holds no suitable example address
   */
  public static WanMatrixDemonstration run() {
    try (Simulator dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(BEFORE))
            .baselinePolicy(BaselinePolicy.byDate())
            .start()) {
      CoverageModel coverage = dcc.coverage();
      PartialAddress unconfirmed =
          find(
              coverage,
              r ->
                  (r.region() == CspRegion.SOUTH || r.region() == CspRegion.CENTRAL)
                      && r.wanVariantUnconfirmed()
                      && r.anticipatedDate().map(d -> !d.isAfter(MP146_DATE)).orElse(true),
              "a South or Central address with an unconfirmed WAN variant");
      PartialAddress lateDate =
          find(
              coverage,
              r ->
                  !r.covered()
                      && !r.wanVariantUnconfirmed()
                      && r.anticipatedDate().map(d -> d.isAfter(MP146_DATE)).orElse(false),
              "an address not yet covered, anticipated after " + MP146_DATE);
      PartialAddress earlyDate =
          find(
              coverage,
              r ->
                  !r.covered()
                      && !r.wanVariantUnconfirmed()
                      && r.anticipatedDate().map(d -> !d.isAfter(MP146_DATE)).orElse(false),
              "an address not yet covered, anticipated by " + MP146_DATE);

      RequestCounter counter = RequestCounter.fromClock(dcc.clock());
      Exchanges before = exchanges(dcc, counter, BEFORE, unconfirmed, lateDate, earlyDate);
      Exchanges after = exchanges(dcc, counter, AFTER, unconfirmed, lateDate, earlyDate);
      return new WanMatrixDemonstration(
          List.of(mp106(unconfirmed, before, after), mp146(lateDate, earlyDate, before, after)));
    }
  }

  /** The MP106 section. */
  public DemoSection mp106() {
    return sections.get(0);
  }

  /** The MP146 section. */
  public DemoSection mp146() {
    return sections.get(1);
  }

  private record Exchanges(
      Baseline baseline,
      WanMatrixResult unconfirmed,
      WanMatrixResult late,
      WanMatrixResult early) {}

  private static Exchanges exchanges(
      Simulator dcc,
      RequestCounter counter,
      Instant when,
      PartialAddress unconfirmed,
      PartialAddress late,
      PartialAddress early) {
    dcc.clock().set(when);
    Baseline baseline = dcc.baselinePolicy().current(dcc.clock());
    TestUser supplier = dcc.testSupplier();
    DuisClient client =
        DuisClient.builder()
            .user(
                supplier.eui(),
                SigningCredential.of(
                    supplier.credential().privateKey(), supplier.credential().certificate()))
            .dcc(dcc.dccEui(), dcc.dccCertificate())
            .transport(HttpDuisTransport.builder(URI.create(dcc.baseUrl())).build())
            .clock(dcc.clock())
            .counter(counter)
            .baseline(baseline)
            .build();
    return new Exchanges(
        baseline,
        client.requestWanMatrix(unconfirmed),
        client.requestWanMatrix(late),
        client.requestWanMatrix(early));
  }

  private static DemoSection mp106(PartialAddress address, Exchanges before, Exchanges after) {
    List<DemoRow> rows = new ArrayList<>();
    rows.add(common("baseline in force (by date)", before, after, e -> e.baseline().name()));
    rows.add(
        common("response code", before, after, e -> e.unconfirmed().responseCode().toString()));
    rows.add(common("CSPRegion", before, after, e -> region(e.unconfirmed())));
    rows.add(
        common(
            "WANTechnology as sent",
            before,
            after,
            e ->
                quoted(
                    coverage(e.unconfirmed())
                        .map(c -> c.wanTechnology().text())
                        .orElse("(none)"))));
    rows.add(
        common(
            "meaning to the supplier's client",
            before,
            after,
            e ->
                first(e.unconfirmed())
                    .flatMap(WanMatrixEntry::wanVariant)
                    .map(v -> v.kind().name())
                    .orElse("(none)")));
    return DemoSection.of(
        Modification.MP106,
        List.of(
            "a simulator on a loopback port with synthetic coverage; clock at "
                + BEFORE
                + ", then at "
                + AFTER
                + "; baseline policy by date",
            "the test supplier's DUIS client signs SR 12.1 (schema 5.1) for "
                + describe(address)
                + " (a South or Central address whose WAN variant is unconfirmed), posts it to"
                + " /api/v1/serviceD, verifies the DCC's signature and interprets WANTechnology"
                + " under the baseline in force"),
        rows);
  }

  private static DemoSection mp146(
      PartialAddress late, PartialAddress early, Exchanges before, Exchanges after) {
    List<DemoRow> rows = new ArrayList<>();
    rows.add(common("baseline in force (by date)", before, after, e -> e.baseline().name()));
    rows.add(
        common(
            "late address: response code", before, after, e -> e.late().responseCode().toString()));
    rows.add(
        common(
            "late address: CoverageAvailability",
            before,
            after,
            e -> coverage(e.late()).map(c -> Boolean.toString(c.coverageAvailable())).orElse("-")));
    rows.add(common("late address: AnticipatedCoverageDate", before, after, e -> date(e.late())));
    rows.add(common("early address: AnticipatedCoverageDate", before, after, e -> date(e.early())));
    return DemoSection.of(
        Modification.MP146,
        List.of(
            "the same simulator and client as MP106",
            "late address "
                + describe(late)
                + ": not yet covered, coverage anticipated after "
                + MP146_DATE,
            "early address "
                + describe(early)
                + ": not yet covered, coverage anticipated on or before "
                + MP146_DATE
                + " (a control: reported under both baselines)"),
        rows);
  }

  private static DemoRow common(
      String label, Exchanges before, Exchanges after, Function<Exchanges, String> value) {
    return new DemoRow(label, value.apply(before), value.apply(after));
  }

  private static Optional<WanMatrixEntry> first(WanMatrixResult result) {
    return result.entries().stream().findFirst();
  }

  private static Optional<WanCoverage> coverage(WanMatrixResult result) {
    return first(result).map(WanMatrixEntry::result).flatMap(RegionResult::coverage);
  }

  private static String region(WanMatrixResult result) {
    return first(result).map(e -> e.result().region().xmlText()).orElse("(none)");
  }

  private static String date(WanMatrixResult result) {
    return coverage(result)
        .map(c -> c.anticipatedCoverageDate().map(LocalDate::toString).orElse("(not reported)"))
        .orElse("(no coverage group)");
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String describe(PartialAddress address) {
    return address.addressIdentifier() + ", " + address.postCode();
  }

  /** The first synthetic address whose first region answer satisfies {@code wanted}. */
  private static PartialAddress find(
      CoverageModel coverage, Predicate<RegionAnswer> wanted, String what) {
    int asked = 0;
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    for (int district = 1; district <= 20; district++) {
      for (String area : AREAS) {
        for (int unit = 0; unit < 10; unit++) {
          String postcode =
              area
                  + district
                  + " "
                  + (unit % 9 + 1)
                  + letters.charAt(unit % letters.length())
                  + letters.charAt((unit * 7 + district) % letters.length());
          for (int house = 1; house <= 20; house++) {
            if (++asked > SEARCH_LIMIT) {
              throw new IllegalStateException("no synthetic address found: " + what);
            }
            String id = Integer.toString(house);
            CoverageAnswer answer = coverage.answer(new CoverageQuestion.ByAddress(postcode, id));
            if (answer instanceof CoverageAnswer.Regions regions
                && wanted.test(regions.regions().get(0))) {
              return new PartialAddress(postcode, id);
            }
          }
        }
      }
    }
    throw new IllegalStateException("no synthetic address found: " + what);
  }
}
