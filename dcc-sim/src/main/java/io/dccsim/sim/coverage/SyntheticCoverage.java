package io.dccsim.sim.coverage;

import io.dccsim.core.value.Postcode;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.coverage.internal.PostcodeKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded coverage model: answers every question deterministically from a SHA-256 hash of the
 * normalised question, so the same postcode and address identifier (or UPRN) always gets the same
 * answer, on every machine and in every run.
 *
 * <p>The region follows the postcode area: Scotland and northern England are {@code North}; Wales,
 * the Midlands and East Anglia are {@code Central}; the rest of England is {@code South}. Northern
 * Ireland ({@code BT}) and the Crown dependencies ({@code GY}, {@code JE}, {@code IM}) are outside
 * GB: not found. A UPRN's region comes from its hash (North 30%, Central 35%, South 35%).
 *
 * <p>Of the valid questions, per thousand: 30 not found ({@code E120101}), 5 coverage unavailable
 * ({@code E120103}), 30 {@code SMETS1}, 60 a {@code 4G} region, 20 two answers (the CSP region not
 * yet covered plus its 4G region covered), 100 not yet covered with an anticipated date (in South
 * and Central with the WAN variant unconfirmed, {@code " "}: MP106), 150 not yet covered with an
 * anticipated date and a known variant, 45 not covered and no date planned, and the remaining 560
 * covered. Anticipated dates run from 2020-07-01 to 2022-06-29, about a quarter of them before
 * 2021-01-01 (so MP146 shows). A syntactically invalid postcode, or one in an area that does not
 * exist, is an invalid postcode ({@code E120102}).
 */
public final class SyntheticCoverage implements CoverageModel {

  private static final Set<String> NORTH_AREAS =
      Set.of(
          // Scotland
          "AB",
          "DD",
          "DG",
          "EH",
          "FK",
          "G",
          "HS",
          "IV",
          "KA",
          "KW",
          "KY",
          "ML",
          "PA",
          "PH",
          "TD",
          "ZE",
          // northern England
          "BB",
          "BD",
          "BL",
          "CA",
          "CH",
          "CW",
          "DH",
          "DL",
          "DN",
          "FY",
          "HD",
          "HG",
          "HU",
          "HX",
          "L",
          "LA",
          "LS",
          "M",
          "NE",
          "OL",
          "PR",
          "S",
          "SK",
          "SR",
          "TS",
          "WA",
          "WF",
          "WN",
          "YO");

  private static final Set<String> CENTRAL_AREAS =
      Set.of(
          // Wales
          "CF",
          "LD",
          "LL",
          "NP",
          "SA",
          "SY",
          // Midlands
          "B",
          "CV",
          "DE",
          "DY",
          "GL",
          "HR",
          "LE",
          "LN",
          "MK",
          "NG",
          "NN",
          "ST",
          "TF",
          "WR",
          "WS",
          "WV",
          // East Anglia
          "CB",
          "IP",
          "NR",
          "PE");

  private static final Set<String> OUTSIDE_GB = Set.of("BT", "GY", "JE", "IM");

  private static final LocalDate FIRST_ANTICIPATED_DATE = LocalDate.of(2020, 7, 1);
  private static final int ANTICIPATED_DATE_SPAN_DAYS = 729;

  /** The model. Stateless. */
  public SyntheticCoverage() {}

  /** The CSP region the synthetic model places a postcode area in. */
  public static CspRegion regionOfArea(String area) {
    if (NORTH_AREAS.contains(area)) {
      return CspRegion.NORTH;
    }
    return CENTRAL_AREAS.contains(area) ? CspRegion.CENTRAL : CspRegion.SOUTH;
  }

  @Override
  public CoverageAnswer answer(CoverageQuestion question) {
    CspRegion region;
    if (question instanceof CoverageQuestion.ByAddress byAddress) {
      Optional<Postcode> postcode = PostcodeKey.parse(byAddress.postcode());
      if (postcode.isEmpty()) {
        return new CoverageAnswer.InvalidPostcode();
      }
      if (OUTSIDE_GB.contains(postcode.get().area())) {
        return new CoverageAnswer.NotFound();
      }
      region = regionOfArea(postcode.get().area());
    } else {
      region = null;
    }
    long[] h = hash(question.normalisedKey());
    if (region == null) {
      int r = (int) Long.remainderUnsigned(h[1] >>> 32, 100);
      region = r < 30 ? CspRegion.NORTH : r < 65 ? CspRegion.CENTRAL : CspRegion.SOUTH;
    }
    return answerIn(region, h);
  }

  private static CoverageAnswer answerIn(CspRegion region, long[] h) {
    int bucket = (int) Long.remainderUnsigned(h[0], 1000);
    int pick = (int) Long.remainderUnsigned(h[0] >>> 20, 1000);
    LocalDate anticipated =
        FIRST_ANTICIPATED_DATE.plusDays(Long.remainderUnsigned(h[1], ANTICIPATED_DATE_SPAN_DAYS));
    ConnectivityLikelihood likelihood =
        pick < 700
            ? ConnectivityLikelihood.HIGH
            : pick < 950 ? ConnectivityLikelihood.MEDIUM : ConnectivityLikelihood.LOW;
    Optional<String> auxiliary =
        likelihood != ConnectivityLikelihood.HIGH && pick % 4 == 0
            ? Optional.of("External aerial")
            : Optional.empty();
    String variant = knownVariant(region, pick);
    if (bucket < 30) {
      return new CoverageAnswer.NotFound();
    } else if (bucket < 35) {
      return new CoverageAnswer.Unavailable();
    } else if (bucket < 65) {
      return one(
          new RegionAnswer(
              CspRegion.SMETS1,
              true,
              Optional.empty(),
              "SMETS1",
              ConnectivityLikelihood.HIGH,
              Optional.empty(),
              Optional.of("Premises served by a SMETS1 communications service")));
    } else if (bucket < 125) {
      return one(
          new RegionAnswer(
              fourG(region),
              true,
              Optional.empty(),
              "4G",
              likelihood,
              auxiliary,
              Optional.empty()));
    } else if (bucket < 145) {
      return new CoverageAnswer.Regions(
          List.of(
              new RegionAnswer(
                  region,
                  false,
                  Optional.of(anticipated),
                  variant,
                  ConnectivityLikelihood.LOW,
                  Optional.empty(),
                  Optional.empty()),
              new RegionAnswer(
                  fourG(region),
                  true,
                  Optional.empty(),
                  "4G",
                  likelihood,
                  auxiliary,
                  Optional.empty())));
    } else if (bucket < 245) {
      String wan = region == CspRegion.NORTH ? variant : RegionAnswer.UNCONFIRMED_WAN_VARIANT;
      return one(
          new RegionAnswer(
              region,
              false,
              Optional.of(anticipated),
              wan,
              likelihood,
              Optional.empty(),
              Optional.empty()));
    } else if (bucket < 395) {
      return one(
          new RegionAnswer(
              region,
              false,
              Optional.of(anticipated),
              variant,
              likelihood,
              auxiliary,
              Optional.empty()));
    } else if (bucket < 440) {
      return one(
          new RegionAnswer(
              region,
              false,
              Optional.empty(),
              variant,
              ConnectivityLikelihood.LOW,
              Optional.empty(),
              Optional.of("No SM WAN coverage is planned for this address")));
    }
    return one(
        new RegionAnswer(
            region, true, Optional.empty(), variant, likelihood, auxiliary, Optional.empty()));
  }

  private static CoverageAnswer one(RegionAnswer answer) {
    return new CoverageAnswer.Regions(List.of(answer));
  }

  private static String knownVariant(CspRegion region, int pick) {
    if (region == CspRegion.NORTH) {
      return "Long Range Radio";
    }
    return switch (pick % 3) {
      case 0 -> "Single Band";
      case 1 -> "Dual Band";
      default -> "Mesh";
    };
  }

  private static CspRegion fourG(CspRegion region) {
    return switch (region) {
      case NORTH -> CspRegion.NORTH_4G;
      case CENTRAL -> CspRegion.CENTRAL_4G;
      default -> CspRegion.SOUTH_4G;
    };
  }

  private static long[] hash(String key) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    long a = 0;
    long b = 0;
    for (int i = 0; i < 8; i++) {
      a = (a << 8) | (digest[i] & 0xff);
      b = (b << 8) | (digest[i + 8] & 0xff);
    }
    return new long[] {a, b};
  }
}
