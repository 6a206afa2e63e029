package io.dccsim.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.charging.BillingEndpoint;
import io.dccsim.sim.control.internal.BadControlRequest;
import io.dccsim.sim.control.internal.ControlJson;
import io.dccsim.sim.journal.ExchangePattern;
import io.dccsim.sim.journal.ExpectedCount;
import io.dccsim.sim.journal.JournalVerificationError;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenario;
import io.dccsim.sim.spi.Exchange;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API: the harness's powers (scenarios, journal, clock, baseline, reset, invoices) as
 * JSON over HTTP under {@code /control/}, for harnesses not written in Java. Transport-free: {@link
 * ControlServer} carries it over Netty.
 *
 * <p>Every request needs {@code Authorization: Bearer <token>} (401 otherwise). A client's mistake
 * is answered 400 with {@code {"error": "...", "detail": "..."}}, never with a stack trace, and is
 * not logged above DEBUG.
 */
public final class ControlApi {
  /** The largest request body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /** The most exchanges one journal listing returns. */
  public static final int MAX_LIST = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
  private static final String JSON = "application/json";
  private static final String PREFIX = "/control";

  private final ControlledSimulator target;
  private final BearerToken token;
  private final ControlJson json = new ControlJson();

  /** An API over {@code target}, protected by {@code token}. */
  public ControlApi(ControlledSimulator target, BearerToken token) {
    this.target = Objects.requireNonNull(target, "target");
    this.token = Objects.requireNonNull(token, "token");
  }

  /** Answers one request. Never throws for a client's mistake. */
  public ControlResponse handle(ControlRequest request) {
    if (!token.accepts(request.authorization().orElse(null))) {
      return new ControlResponse(
          401,
          JSON,
          Map.of("WWW-Authenticate", "Bearer realm=\"dccsim-control\""),
          json.write(
              ControlJson.error(
                  "unauthorized", "send the control token as 'Authorization: Bearer <token>'")));
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
    String path;
    Map<String, List<String>> parameters;
    try {
      path = uri.path();
      parameters = uri.parameters();
    } catch (IllegalArgumentException e) {
      LOG.debug("Control request {} refused: {}", request.method(), e.getMessage());
      return error(400, "bad uri", "the URI's percent-escapes do not decode");
    }
    try {
      if (request.body().length > MAX_BODY_BYTES) {
        return error(413, "body too large", "the limit is " + MAX_BODY_BYTES + " bytes");
      }
      return route(request.method(), path, single(parameters), request.body());
    } catch (BadControlRequest e) {
      LOG.debug("Control request {} {} refused: {}", request.method(), path, e.detail());
      return error(400, e.error(), e.detail());
    } catch (RuntimeException e) {
      LOG.error("Control request {} {} failed", request.method(), path, e);
      return error(500, "internal error", "the simulator failed to carry out the request");
    }
  }

  private ControlResponse route(
      String method, String path, Map<String, String> query, byte[] body) {
    if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
      return error(404, "not found", "the control API lives under /control/");
    }
    String rest = path.substring(PREFIX.length());
    if (rest.endsWith("/") && rest.length() > 1) {
      rest = rest.substring(0, rest.length() - 1);
    }
    switch (rest) {
      case "/scenarios":
        return switch (method) {
          case "GET" -> listScenarios();
          case "POST" -> createScenario(body);
          case "DELETE" -> {
            target.scenarios().clear();
            yield ok(ControlJson.object().put("cleared", true));
          }
          default -> notAllowed(method, path, "GET, POST, DELETE");
        };
      case "/scenarios/seed":
        return method.equals("POST") ? seed(body) : notAllowed(method, path, "POST");
      case "/journal":
        return switch (method) {
          case "GET" -> listJournal(query);
          case "DELETE" -> {
            target.journal().clear();
            yield ok(ControlJson.object().put("cleared", true));
          }
          default -> notAllowed(method, path, "GET, DELETE");
        };
      case "/journal/count":
        return method.equals("GET") ? countJournal(query) : notAllowed(method, path, "GET");
      case "/journal/verify":
        return method.equals("POST") ? verify(body) : notAllowed(method, path, "POST");
      case "/clock":
        return switch (method) {
          case "GET" -> clock();
          case "PUT", "POST" -> setClock(body);
          default -> notAllowed(method, path, "GET, PUT");
        };
      case "/clock/advance":
        return method.equals("POST") ? advance(body) : notAllowed(method, path, "POST");
      case "/clock/freeze":
        if (!method.equals("POST")) {
          return notAllowed(method, path, "POST");
        }
        target.clock().freeze();
        return clock();
      case "/clock/rate":
        return method.equals("POST") ? rate(body) : notAllowed(method, path, "POST");
      case "/baseline":
        return method.equals("GET") ? baseline() : notAllowed(method, path, "GET");
      case "/baseline/pin":
        return method.equals("POST") ? pin(body) : notAllowed(method, path, "POST");
      case "/baseline/unpin":
        if (!method.equals("POST")) {
          return notAllowed(method, path, "POST");
        }
        target.unpinBaseline();
        return baseline();
      case "/coverage":
        return switch (method) {
          case "POST" -> shapeCoverage(body);
          case "DELETE" -> {
            overlay().clear();
            yield ok(ControlJson.object().put("cleared", true));
          }
          default -> notAllowed(method, path, "POST, DELETE");
        };
      case "/reset":
        if (!method.equals("POST")) {
          return notAllowed(method, path, "POST");
        }
        target.reset();
        return ok(ControlJson.object().put("reset", true));
      case "/invoices":
        return method.equals("POST") ? invoices(query, body) : notAllowed(method, path, "POST");
      default:
        break;
    }
    if (rest.startsWith("/scenarios/")) {
      long id = scenarioId(rest.substring("/scenarios/".length()));
      Optional<Scenario> s = target.scenarios().find(id);
      return switch (method) {
        case "GET" ->
            s.map(v -> ok(ControlJson.scenario(v)))
                .orElseGet(() -> error(404, "not found", "no scenario " + id));
        case "DELETE" ->
            target.scenarios().remove(id)
                ? ok(ControlJson.object().put("removed", id))
                : error(404, "not found", "no scenario " + id);
        default -> notAllowed(method, path, "GET, DELETE");
      };
    }
    return error(404, "not found", "no control resource at " + path);
  }

  private ControlResponse listScenarios() {
    ObjectNode out = ControlJson.object();
    ArrayNode list = out.putArray("scenarios");
    for (Scenario s : target.scenarios().list()) {
      list.add(ControlJson.scenario(s));
    }
    return ok(out);
  }

  private ControlResponse createScenario(byte[] body) {
    Scenario s;
    try {
      s = target.scenarios().add(ControlJson.scenario(json.readObject(body)));
    } catch (IllegalStateException e) {
      return error(409, "too many scenarios", e.getMessage());
    }
    return new ControlResponse(201, JSON, Map.of(), json.write(ControlJson.scenario(s)));
  }

  private ControlResponse seed(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("seed"), "the body");
    long seed = ControlJson.integer(in, "seed");
    target.scenarios().reseed(seed);
    return ok(ControlJson.object().put("seed", seed));
  }

  private ControlResponse listJournal(Map<String, String> query) {
    Map<String, String> filters = new LinkedHashMap<>(query);
    int limit = 100;
    boolean bodies = false;
    String l = filters.remove("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l.strip());
      } catch (NumberFormatException e) {
        throw new BadControlRequest("invalid parameter", "'limit' must be an integer");
      }
      if (limit < 1 || limit > MAX_LIST) {
        throw new BadControlRequest("invalid parameter", "'limit' is 1.." + MAX_LIST);
      }
    }
    String b = filters.remove("bodies");
    if (b != null) {
      bodies = parseBoolean("bodies", b);
    }
    ExchangePattern pattern = ControlJson.pattern(filters);
    RequestJournal journal = target.journal();
    List<Exchange> found = journal.find(pattern);
    ObjectNode out = ControlJson.object();
    out.set("statistics", ControlJson.statistics(journal.statistics()));
    out.put("matched", found.size());
    out.put("truncated", found.size() > limit);
    journal.evictionProblem(pattern).ifPresent(p -> out.put("evictionWarning", p));
    ArrayNode list = out.putArray("exchanges");
    // The most recent ones, still oldest first.
    for (Exchange e : found.subList(Math.max(0, found.size() - limit), found.size())) {
      list.add(ControlJson.exchange(e, bodies));
    }
    return ok(out);
  }

  private ControlResponse countJournal(Map<String, String> query) {
    ExchangePattern pattern = ControlJson.pattern(query);
    ObjectNode out = ControlJson.object();
    out.put("count", target.journal().count(pattern));
    Optional<String> problem = target.journal().evictionProblem(pattern);
    out.put("certain", problem.isEmpty());
    problem.ifPresent(p -> out.put("evictionWarning", p));
    return ok(out);
  }

  private ControlResponse verify(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("match", "count"), "a verification");
    ExchangePattern pattern = ControlJson.pattern(ControlJson.filters(in.get("match")));
    ExpectedCount count = ControlJson.count(in.get("count"));
    try {
      List<Exchange> matched = target.journal().verify(count, pattern);
      return ok(
          ControlJson.object()
              .put("verified", true)
              .put("count", matched.size())
              .put("expected", count.toString())
              .put("pattern", pattern.describe()));
    } catch (JournalVerificationError e) {
      ObjectNode out =
          ControlJson.error(
              e.isEvictionUncertainty() ? "journal window evicted" : "verification failed",
              e.getMessage());
      out.put("verified", false);
      return new ControlResponse(409, JSON, Map.of(), json.write(out));
    }
  }

  private ControlResponse clock() {
    SimulatedClock c = target.clock();
    return ok(ControlJson.object().put("now", c.instant().toString()).put("rate", c.rate()));
  }

  private ControlResponse setClock(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("now", "rate"), "the clock");
    if (!in.has("now") && !in.has("rate")) {
      throw new BadControlRequest("missing field", "give 'now' (an instant), 'rate', or both");
    }
    Double rate = in.has("rate") ? ControlJson.number(in, "rate") : null;
    if (rate != null && (!(rate >= 0) || rate.isInfinite())) {
      throw new BadControlRequest("invalid field", "'rate' is a finite number, at least 0");
    }
    if (in.has("now")) {
      target.clock().set(ControlJson.instant("now", ControlJson.text(in, "now")));
    }
    if (rate != null) {
      target.clock().setRate(rate);
    }
    return clock();
  }

  private ControlResponse advance(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("by"), "an advance");
    target.clock().advance(ControlJson.duration("by", ControlJson.text(in, "by")));
    return clock();
  }

  private ControlResponse rate(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("rate"), "a rate");
    double rate = ControlJson.number(in, "rate");
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new BadControlRequest("invalid field", "'rate' is a finite number, at least 0");
    }
    target.clock().setRate(rate);
    return clock();
  }

  private ControlResponse baseline() {
    BaselinePolicy p = target.baselinePolicy();
    return ok(
        ControlJson.object()
            .put("policy", p.toString())
            .put("pinned", p instanceof BaselinePolicy.Pinned)
            .put("current", p.current(target.clock()).name())
            .put("at", target.clock().instant().toString()));
  }

  private ControlResponse pin(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("baseline"), "a pin");
    String name = ControlJson.text(in, "baseline");
    BaselinePolicy parsed;
    try {
      parsed = BaselinePolicy.parse(name);
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid field", e.getMessage());
    }
    if (!(parsed instanceof BaselinePolicy.Pinned pinned)) {
      throw new BadControlRequest(
          "invalid field",
          "'baseline' names a baseline ("
              + List.of(Baseline.values())
              + "); to follow the date, POST /control/baseline/unpin");
    }
    target.pinBaseline(pinned.baseline());
    return baseline();
  }

  private CoverageOverlay overlay() {
    return target
        .coverage()
        .orElseThrow(
            () ->
                new BadControlRequest(
                    "no coverage overlay", "this simulator does not shape SR 12.1 answers"));
  }

  private ControlResponse shapeCoverage(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(
        in,
        Set.of("postcode", "uprn", "answer", "date", "region", "likelihood", "wanTechnology"),
        "a coverage answer");
    CoverageOverlay overlay = overlay();
    if (in.has("postcode") == in.has("uprn")) {
      throw new BadControlRequest("invalid field", "give exactly one of 'postcode' and 'uprn'");
    }
    try {
      CoverageOverlay.Shaping shaping =
          in.has("postcode")
              ? overlay.forPostcode(ControlJson.text(in, "postcode"))
              : overlay.forUprn(ControlJson.integer(in, "uprn"));
      ControlJson.optionalText(in, "region")
          .ifPresent(
              r ->
                  shaping.inRegion(
                      CspRegion.fromXmlText(r)
                          .orElseThrow(
                              () ->
                                  new BadControlRequest("invalid field", "unknown region " + r))));
      ControlJson.optionalText(in, "likelihood")
          .ifPresent(
              l ->
                  shaping.withLikelihood(
                      ConnectivityLikelihood.fromXmlText(l)
                          .orElseThrow(
                              () ->
                                  new BadControlRequest(
                                      "invalid field", "likelihood is High, Medium or Low"))));
      ControlJson.optionalText(in, "wanTechnology").ifPresent(shaping::withWanTechnology);
      Optional<LocalDate> date =
          ControlJson.optionalText(in, "date").map(d -> ControlJson.date("date", d));
      String answer = ControlJson.text(in, "answer");
      switch (answer) {
        case "covered" -> shaping.covered();
        case "notCovered" -> date.ifPresentOrElse(shaping::notCoveredUntil, shaping::notCovered);
        case "unknownVariant" ->
            date.ifPresentOrElse(shaping::unknownVariant, () -> shaping.unknownVariant());
        case "notFound" -> shaping.notFound();
        case "unavailable" -> shaping.unavailable();
        default ->
            throw new BadControlRequest(
                "invalid field",
                "'answer' is covered, notCovered, unknownVariant, notFound or unavailable");
      }
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid coverage answer", e.getMessage());
    }
    return new ControlResponse(
        201, JSON, Map.of(), json.write(ControlJson.object().put("shaped", overlay.size())));
  }

  private ControlResponse invoices(Map<String, String> query, byte[] body) {
    String format = query.getOrDefault("format", "json").strip().toLowerCase(java.util.Locale.ROOT);
    BillingEndpoint.Format f =
        switch (format) {
          case "json" -> BillingEndpoint.Format.JSON;
          case "csv" -> BillingEndpoint.Format.CSV;
          default -> throw new BadControlRequest("invalid parameter", "'format' is json or csv");
        };
    BillingEndpoint.Answer a = new BillingEndpoint(target.baselinePolicy()).handle(body, f);
    return new ControlResponse(
        a.status(), a.contentType(), Map.of(), a.body().getBytes(StandardCharsets.UTF_8));
  }

  private static long scenarioId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadControlRequest("invalid path", "a scenario id is a number, not '" + text + "'");
    }
  }

  private static boolean parseBoolean(String name, String v) {
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw new BadControlRequest("invalid parameter", "'" + name + "' is true or false");
    };
  }

  private static Map<String, String> single(Map<String, List<String>> params) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      if (p.getValue().size() != 1) {
        throw new BadControlRequest(
            "invalid parameter", "'" + p.getKey() + "' may be given only once");
      }
      out.put(p.getKey(), p.getValue().get(0));
    }
    return out;
  }

  private ControlResponse notAllowed(String method, String path, String allowed) {
    return new ControlResponse(
        405,
        JSON,
        Map.of("Allow", allowed),
        json.write(
            ControlJson.error(
                "method not allowed", method + " " + path + " is not supported; use " + allowed)));
  }

  private ControlResponse ok(JsonNode body) {
    return new ControlResponse(200, JSON, Map.of(), json.write(body));
  }

  private ControlResponse error(int status, String error, String detail) {
    return new ControlResponse(
        status, JSON, Map.of(), json.write(ControlJson.error(error, detail)));
  }
}
