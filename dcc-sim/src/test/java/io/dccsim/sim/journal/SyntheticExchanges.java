package io.dccsim.sim.journal;

import io.dccsim.core.value.Eui64;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.RequestFacts;
import io.dccsim.sim.spi.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds synthetic exchanges and request facts for tests that do not run a server. */
public final class SyntheticExchanges {
  public static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  public static final Eui64 OTHER_SUPPLIER = Eui64.parse("90-B3-D5-1F-30-02-00-00");
  public static final Instant T0 = Instant.parse("2021-06-20T09:00:00Z");

  private SyntheticExchanges() {}

  public static RequestFacts wanMatrixFacts(Eui64 originator, String postcode, String uprn) {
    return new RequestFacts(
        "/api/v1/serviceD",
        "127.0.0.1:50000",
        Optional.of(originator),
        Optional.of(originator + ":90-B3-D5-1F-30-00-00-02:1"),
        Optional.of("12.1"),
        Optional.of("12.1"),
        Optional.ofNullable(postcode),
        Optional.ofNullable(uprn));
  }

  public static Exchange wanMatrix(
      long sequence, Eui64 originator, String postcode, String code, Instant at) {
    return new Exchange(
        sequence,
        at,
        "/api/v1/serviceD",
        "127.0.0.1:50000",
        Optional.empty(),
        Optional.of(wanMatrixFacts(originator, postcode, null)),
        Verdict.ANSWERED,
        "",
        200,
        Optional.of(code),
        "<sr:Request/>".getBytes(StandardCharsets.UTF_8),
        "<sr:Response/>".getBytes(StandardCharsets.UTF_8),
        Duration.ofMillis(3));
  }

  public static Exchange malformed(long sequence, Instant at) {
    return new Exchange(
        sequence,
        at,
        "/api/v1/serviceD",
        "127.0.0.1:50001",
        Optional.empty(),
        Optional.empty(),
        Verdict.REFUSED_MALFORMED,
        "not well-formed",
        400,
        Optional.empty(),
        "<oops".getBytes(StandardCharsets.UTF_8),
        "Bad request".getBytes(StandardCharsets.UTF_8),
        Duration.ofMillis(1));
  }
}
