package io.dccsim.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.catalogue.CatalogueListing;
import io.dccsim.sim.charging.BillingEndpoint;
import io.dccsim.sim.control.internal.BadControlRequest;
import io.dccsim.sim.control.internal.ControlJson;
import io.dccsim.sim.journal.ExchangePattern;
import io.dccsim.sim.journal.ExpectedCount;
import io.dccsim.sim.journal.JournalVerificationError;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.pipeline.UserRegistry;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenario;
import io.dccsim.sim.spi.Exchange;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API: the harness's powers (scenarios, journal, clock, baseline, coverage, Users,
 * reset, invoices, the service catalogue) as JSON over HTTP under {@code /control/}, for harnesses
 * not written in Java. Transport-free: {@link ControlServer} carries it over Netty. It answers from
 * a route table ({@link #routes()}, extensible with {@link ControlRoute}s), described by the
 * OpenAPI document served at {@value #OPENAPI_PATH}.
 *
 * <p>Every request but {@value #OPENAPI_PATH} needs {@code Authorization: Bearer <token>} (401
 * otherwise). A client's mistake is answered 400 with {@code {"error": "...", "detail": "..."}},
 * never with a stack trace, and is not logged above DEBUG.
 */
public final class ControlApi {
  /** The largest request body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /** The most exchanges one journal listing returns. */
  public static final int MAX_LIST = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);
  private static final String JSON = "application/json";
  private static final String PREFIX = "/control";

  /** Where the OpenAPI 3 description of the routes is served, without the token. */
  public static final String OPENAPI_PATH = "/openapi.json";

  private static final byte[] OPENAPI = openApiDocument();

  private final ControlledSimulator target;
  private final BearerToken token;
  private final ControlJson json = new ControlJson();
  private final List<ControlRoute> routes;

  /** An API over {@code target}, protected by {@code token}. */
  public ControlApi(ControlledSimulator target, BearerToken token) {
    this.target = Objects.requireNonNull(target, "target");
    this.token = Objects.requireNonNull(token, "token");
    this.routes = ownRoutes();
  }

  /**
   * An API over {@code target}, protected by {@code token}, with {@code extraRoutes} after its own
   * (an extra route with the method and path of one of its own is refused).
   */
  public ControlApi(ControlledSimulator target, BearerToken token, List<ControlRoute> extraRoutes) {
    this(target, token);
    for (ControlRoute r : extraRoutes) {
      for (ControlRoute existing : routes) {
        if (existing.method().equals(r.method()) && existing.path().equals(r.path())) {
          throw new IllegalArgumentException("The control API already has " + r);
        }
      }
      routes.add(r);
    }
  }

  /** The route table: every method and path template answered, in order. */
  public List<ControlRoute> routes() {
    return List.copyOf(routes);
  }

  /** The OpenAPI 3 document describing the routes, as served at {@value #OPENAPI_PATH}. */
  public static byte[] openApiDocument() {
    try (java.io.InputStream in = ControlApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the class path");
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Answers one request. Never throws for a client's mistake. */
  public ControlResponse handle(ControlRequest request) {
    String raw = request.uri();
    int q = raw.indexOf('?');
    if ((q < 0 ? raw : raw.substring(0, q)).equals(OPENAPI_PATH)) {
      // The description of the API holds no state and no secret: served without the token.
      return request.method().equals("GET")
          ? new ControlResponse(200, JSON, Map.of(), OPENAPI)
          : notAllowed(request.method(), OPENAPI_PATH, "GET");
    }
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
    } catch (IllegalArgumentException e) {
      LOG.debug("Control request {} {} refused: {}", request.method(), path, e.getMessage());
      return error(400, "invalid request", String.valueOf(e.getMessage()));
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
    String p =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] segments = p.substring(1).split("/", -1);
    List<String> allowed = new ArrayList<>();
    for (ControlRoute r : routes) {
      Map<String, String> parameters = match(r.segments(), segments);
      if (parameters == null) {
        continue;
      }
      if (r.method().equals(method)) {
        return r.handler().handle(parameters, query, body);
      }
      if (!allowed.contains(r.method())) {
        allowed.add(r.method());
      }
    }
    if (!allowed.isEmpty()) {
      return notAllowed(method, path, String.join(", ", allowed));
    }
    return error(404, "not found", "no control resource at " + path);
  }

  /** The template's parameters when {@code segments} match it, else null. */
  private static Map<String, String> match(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        parameters.put(t.substring(1, t.length() - 1), segments[i]);
      } else if (!t.equals(segments[i])) {
        return null;
      }
    }
    return parameters;
  }

  private List<ControlRoute> ownRoutes() {
    List<ControlRoute> r = new ArrayList<>();
    r.add(ControlRoute.of("GET", PREFIX, (p, q, b) -> index()));
    r.add(ControlRoute.of("GET", PREFIX + "/scenarios", (p, q, b) -> listScenarios()));
    r.add(ControlRoute.of("POST", PREFIX + "/scenarios", (p, q, b) -> createScenario(b)));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/scenarios",
            (p, q, b) -> {
              target.scenarios().clear();
              return ok(ControlJson.object().put("cleared", true));
            }));
    r.add(ControlRoute.of("POST", PREFIX + "/scenarios/seed", (p, q, b) -> seed(b)));
    r.add(
        ControlRoute.of(
            "GET", PREFIX + "/scenarios/{id}", (p, q, b) -> scenario(scenarioId(p.get("id")))));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/scenarios/{id}",
            (p, q, b) -> removeScenario(scenarioId(p.get("id")))));
    r.add(ControlRoute.of("GET", PREFIX + "/journal", (p, q, b) -> listJournal(q)));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/journal",
            (p, q, b) -> {
              target.journal().clear();
              return ok(ControlJson.object().put("cleared", true));
            }));
    r.add(ControlRoute.of("GET", PREFIX + "/journal/count", (p, q, b) -> countJournal(q)));
    r.add(ControlRoute.of("POST", PREFIX + "/journal/verify", (p, q, b) -> verify(b)));
    r.add(ControlRoute.of("GET", PREFIX + "/clock", (p, q, b) -> clock()));
    r.add(ControlRoute.of("PUT", PREFIX + "/clock", (p, q, b) -> setClock(b)));
    r.add(ControlRoute.of("POST", PREFIX + "/clock", (p, q, b) -> setClock(b)));
    r.add(ControlRoute.of("POST", PREFIX + "/clock/advance", (p, q, b) -> advance(b)));
    r.add(
        ControlRoute.of(
            "POST",
            PREFIX + "/clock/freeze",
            (p, q, b) -> {
              target.clock().freeze();
              return clock();
            }));
    r.add(ControlRoute.of("POST", PREFIX + "/clock/rate", (p, q, b) -> rate(b)));
    r.add(ControlRoute.of("GET", PREFIX + "/baseline", (p, q, b) -> baseline()));
    r.add(ControlRoute.of("POST", PREFIX + "/baseline/pin", (p, q, b) -> pin(b)));
    r.add(
        ControlRoute.of(
            "POST",
            PREFIX + "/baseline/unpin",
            (p, q, b) -> {
              target.unpinBaseline();
              return baseline();
            }));
    r.add(ControlRoute.of("POST", PREFIX + "/coverage", (p, q, b) -> shapeCoverage(b)));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/coverage",
            (p, q, b) -> {
              overlay().clear();
              return ok(ControlJson.object().put("cleared", true));
            }));
    r.add(ControlRoute.of("GET", PREFIX + "/devices", (p, q, b) -> devices(q)));
    r.add(ControlRoute.of("POST", PREFIX + "/devices", (p, q, b) -> addDevices(b)));
    r.add(ControlRoute.of("GET", PREFIX + "/devices/{eui}", (p, q, b) -> device(p.get("eui"))));
    r.add(
        ControlRoute.of(
            "DELETE", PREFIX + "/devices/{eui}", (p, q, b) -> removeDevice(p.get("eui"))));
    r.add(
        ControlRoute.of(
            "PUT", PREFIX + "/devices/{eui}/status", (p, q, b) -> deviceStatus(p.get("eui"), b)));
    r.add(
        ControlRoute.of(
            "GET", PREFIX + "/devices/{eui}/behaviour", (p, q, b) -> behaviour(p.get("eui"))));
    r.add(
        ControlRoute.of(
            "PUT",
            PREFIX + "/devices/{eui}/behaviour",
            (p, q, b) -> setBehaviour(p.get("eui"), b)));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/devices/{eui}/behaviour",
            (p, q, b) -> {
              Eui64 eui = eui(p.get("eui"), "a device ID", "DE-DC-C5-01-00-00-00-00");
              behaviours().clear(eui);
              return behaviour(eui.toString());
            }));
    r.add(
        ControlRoute.of(
            "GET",
            PREFIX + "/devices/{eui}/credentials",
            (p, q, b) -> deviceCredentials(p.get("eui"))));
    r.add(ControlRoute.of("GET", PREFIX + "/device-behaviour", (p, q, b) -> defaultBehaviour()));
    r.add(
        ControlRoute.of(
            "PUT",
            PREFIX + "/device-behaviour",
            (p, q, b) -> {
              behaviours().fallback(readBehaviour(b));
              return defaultBehaviour();
            }));
    r.add(ControlRoute.of("POST", PREFIX + "/alerts", (p, q, b) -> raiseAlert(b)));
    r.add(ControlRoute.of("GET", PREFIX + "/schedules", (p, q, b) -> schedules()));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/schedules",
            (p, q, b) -> {
              int held = dspSchedules().all().size();
              dspSchedules().clear();
              return ok(ControlJson.object().put("cleared", held));
            }));
    r.add(ControlRoute.of("GET", PREFIX + "/users", (p, q, b) -> listUsers()));
    r.add(ControlRoute.of("POST", PREFIX + "/users", (p, q, b) -> addUser(b)));
    r.add(ControlRoute.of("GET", PREFIX + "/users/{eui}", (p, q, b) -> user(p.get("eui"))));
    r.add(
        ControlRoute.of(
            "GET", PREFIX + "/users/{eui}/credentials", (p, q, b) -> credentials(p.get("eui"))));
    r.add(
        ControlRoute.of("DELETE", PREFIX + "/users/{eui}", (p, q, b) -> removeUser(p.get("eui"))));
    r.add(
        ControlRoute.of(
            "PUT",
            PREFIX + "/users/{eui}/receive-url",
            (p, q, b) -> setReceiveUrl(p.get("eui"), b)));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/users/{eui}/receive-url",
            (p, q, b) -> removeReceiveUrl(p.get("eui"))));
    r.add(ControlRoute.of("GET", PREFIX + "/deliveries", (p, q, b) -> listDeliveries(q)));
    r.add(
        ControlRoute.of(
            "GET",
            PREFIX + "/deliveries/{seq}/document",
            (p, q, b) -> deliveryDocument(p.get("seq"))));
    r.add(
        ControlRoute.of(
            "POST", PREFIX + "/deliveries/dead/{seq}/redrive", (p, q, b) -> redrive(p.get("seq"))));
    r.add(
        ControlRoute.of(
            "POST",
            PREFIX + "/deliveries/dead/redrive",
            (p, q, b) -> ok(ControlJson.object().put("redriven", delivery().redriveAll()))));
    r.add(
        ControlRoute.of(
            "DELETE",
            PREFIX + "/deliveries/dead",
            (p, q, b) -> ok(ControlJson.object().put("dropped", delivery().dropDeadLetters()))));
    r.add(
        ControlRoute.of(
            "POST",
            PREFIX + "/reset",
            (p, q, b) -> {
              target.reset();
              return ok(ControlJson.object().put("reset", true));
            }));
    r.add(ControlRoute.of("POST", PREFIX + "/invoices", (p, q, b) -> invoices(q, b)));
    r.add(
        ControlRoute.of(
            "GET",
            PREFIX + "/catalogue",
            (p, q, b) -> ok(CatalogueListing.json(target.catalogue()))));
    return r;
  }

  /** Every route, and where the OpenAPI document is: a map for a harness finding its way. */
  private ControlResponse index() {
    ObjectNode out = ControlJson.object();
    out.put("openapi", OPENAPI_PATH);
    ArrayNode list = out.putArray("routes");
    routes.forEach(r -> list.add(r.toString()));
    return ok(out);
  }

  private ControlResponse scenario(long id) {
    return target
        .scenarios()
        .find(id)
        .map(v -> ok(ControlJson.scenario(v)))
        .orElseGet(() -> error(404, "not found", "no scenario " + id));
  }

  private ControlResponse removeScenario(long id) {
    return target.scenarios().remove(id)
        ? ok(ControlJson.object().put("removed", id))
        : error(404, "not found", "no scenario " + id);
  }

  private io.dccsim.core.inventory.DeviceInventory inventory() {
    return target
        .inventory()
        .orElseThrow(
            () ->
                new BadControlRequest(
                    "no inventory", "this simulator does not expose its device inventory"));
  }

  /**
   * {@code {"type": "device", "device": EUI, "user": EUI, "code": "8F66", "at": instant?}} or
   * {@code {"type": "dcc", "user": EUI, "code": "N24", "at": instant?}}: 202 once queued.
   */
  private ControlResponse raiseAlert(byte[] body) {
    io.dccsim.sim.service.Alerts alerts =
        target
            .alerts()
            .orElseThrow(
                () -> new BadControlRequest("no alerts", "this simulator raises no alerts"));
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("type", "device", "user", "code", "at"), "an alert");
    String type = ControlJson.text(in, "type");
    Eui64 user = eui(ControlJson.text(in, "user"), "a User ID", "90-B3-D5-1F-30-01-00-00");
    Optional<java.time.Instant> at = Optional.empty();
    if (in.hasNonNull("at")) {
      try {
        at = Optional.of(java.time.Instant.parse(in.get("at").asText()));
      } catch (java.time.format.DateTimeParseException e) {
        throw new BadControlRequest(
            "invalid field", "'at' is an instant such as 2021-07-01T09:00:00Z");
      }
    }
    boolean queued;
    try {
      switch (type) {
        case "device" -> {
          Eui64 device =
              eui(ControlJson.text(in, "device"), "a device ID", "DE-DC-C5-01-00-00-00-00");
          queued = alerts.deviceAlert(device, user, ControlJson.text(in, "code"), at);
        }
        case "dcc" -> queued = alerts.dccAlert(user, ControlJson.text(in, "code"), at);
        default -> throw new BadControlRequest("invalid field", "'type' is device or dcc");
      }
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid field", e.getMessage());
    }
    if (!queued) {
      return error(503, "busy", "the alerts and device answers waiting are at their bound");
    }
    ObjectNode out = ControlJson.object().put("queued", true).put("type", type);
    out.put("user", user.toString());
    at.ifPresent(a -> out.put("at", a.toString()));
    return new ControlResponse(202, JSON, Map.of(), json.write(out));
  }

  private io.dccsim.sim.service.DeviceBehaviours behaviours() {
    return target
        .deviceBehaviours()
        .orElseThrow(
            () ->
                new BadControlRequest(
                    "no device behaviours", "this simulator does not expose its devices"));
  }

  private static ObjectNode behaviourJson(io.dccsim.sim.service.DeviceBehaviour b) {
    return ControlJson.object().put("mode", b.mode().text()).put("delay", b.delay().toString());
  }

  /** A device's behaviour: its own, or the default it follows. */
  private ControlResponse behaviour(String text) {
    Eui64 eui = eui(text, "a device ID", "DE-DC-C5-01-00-00-00-00");
    Optional<io.dccsim.sim.service.DeviceBehaviour> own = behaviours().setFor(eui);
    ObjectNode out = behaviourJson(behaviours().of(eui));
    out.put("device", eui.toString());
    out.put("own", own.isPresent());
    return ok(out);
  }

  private ControlResponse setBehaviour(String text, byte[] body) {
    Eui64 eui = eui(text, "a device ID", "DE-DC-C5-01-00-00-00-00");
    io.dccsim.sim.service.DeviceBehaviour b = readBehaviour(body);
    try {
      behaviours().set(eui, b);
    } catch (IllegalStateException e) {
      throw new BadControlRequest("too many", e.getMessage());
    }
    return behaviour(eui.toString());
  }

  /**
   * A device's DS and KA certificates (issued now if it has none yet), never its private keys: 404
   * for a device the inventory does not hold.
   */
  private ControlResponse deviceCredentials(String text) {
    Eui64 eui = eui(text, "a device ID", "00-DB-12-34-56-78-90-A0");
    io.dccsim.sim.device.DeviceCredentials devices =
        target
            .deviceCredentials()
            .orElseThrow(
                () ->
                    new BadControlRequest(
                        "no device credentials",
                        "this simulator does not expose its devices' credentials"));
    if (inventory().find(eui).isEmpty()) {
      return error(404, "not found", "no device " + eui + " in the inventory");
    }
    io.dccsim.sim.device.DeviceKeys keys = devices.of(eui);
    ObjectNode out = ControlJson.object().put("device", eui.toString());
    certificate(out.putObject("digitalSigning"), keys.digitalSigning());
    certificate(out.putObject("keyAgreement"), keys.keyAgreement());
    return ok(out);
  }

  /** The serial, issuer and certificate chain of {@code c}, into {@code out}: no private key. */
  private static ObjectNode certificate(ObjectNode out, io.dccsim.smki.pki.Credential c) {
    return out.put(
            "serial",
            c.certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT))
        .put(
            "issuer",
            c.certificate()
                .getIssuerX500Principal()
                .getName(javax.security.auth.x500.X500Principal.RFC2253))
        .put("certificatePem", c.certificateChainPem());
  }

  private ControlResponse defaultBehaviour() {
    return ok(behaviourJson(behaviours().fallback()));
  }

  /** {@code {"mode": "answer|no-response|unreachable", "delay": "PT5S"}}; delay optional. */
  private io.dccsim.sim.service.DeviceBehaviour readBehaviour(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("mode", "delay"), "a device behaviour");
    io.dccsim.sim.service.DeviceBehaviour.Mode mode;
    java.time.Duration delay = java.time.Duration.ZERO;
    try {
      mode = io.dccsim.sim.service.DeviceBehaviour.Mode.parse(ControlJson.text(in, "mode"));
      if (in.hasNonNull("delay")) {
        delay = java.time.Duration.parse(in.get("delay").asText());
      }
      return new io.dccsim.sim.service.DeviceBehaviour(mode, delay);
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadControlRequest(
          "invalid field", "'delay' is an ISO-8601 duration such as PT5S, not " + in.get("delay"));
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid field", e.getMessage());
    }
  }

  private io.dccsim.sim.service.DspSchedules dspSchedules() {
    return target
        .schedules()
        .orElseThrow(
            () ->
                new BadControlRequest(
                    "no schedules", "this simulator does not expose its DCC schedules"));
  }

  /** The DCC schedules created with SR 5.1: every one held (at most 1,000 per User). */
  private ControlResponse schedules() {
    List<io.dccsim.sim.service.DspSchedules.Schedule> all = dspSchedules().all();
    ObjectNode out = ControlJson.object().put("count", all.size());
    com.fasterxml.jackson.databind.node.ArrayNode list = out.putArray("schedules");
    for (io.dccsim.sim.service.DspSchedules.Schedule s : all) {
      ObjectNode o = list.addObject();
      o.put("id", s.id());
      o.put("user", s.owner().toString());
      o.put("frequency", s.frequency());
      o.put("start", s.start().toString());
      s.end().ifPresent(e -> o.put("end", e.toString()));
      o.put("srv", s.scheduled().toString());
      o.put("device", s.device().toString());
      o.put("body", s.body().localName());
    }
    return ok(out);
  }

  /** The most devices one listing returns. */
  private static final int DEVICE_PAGE = 100;

  private ControlResponse devices(Map<String, String> query) {
    io.dccsim.core.inventory.DeviceInventory inventory = inventory();
    Set<String> known = Set.of("uprn", "postcode", "mpxn");
    for (String k : query.keySet()) {
      if (!known.contains(k)) {
        throw new BadControlRequest(
            "unknown filter", "'" + k + "' is not a filter; known: " + known);
      }
    }
    if (query.size() > 1) {
      throw new BadControlRequest(
          "invalid filter",
          "give exactly one of uprn, postcode or mpxn, not "
              + String.join(" and ", query.keySet()));
    }
    if (query.isEmpty()) {
      ObjectNode out = ControlJson.object().put("count", inventory.count());
      out.put("detail", "give one of uprn, postcode or mpxn to list devices");
      return ok(out);
    }
    List<io.dccsim.core.inventory.Device> found;
    try {
      found =
          query.containsKey("uprn")
              ? inventory.findByUprn(io.dccsim.core.value.Uprn.parse(query.get("uprn")))
              : query.containsKey("postcode")
                  ? inventory.findByPostcode(
                      io.dccsim.core.value.Postcode.parse(query.get("postcode")))
                  : inventory.findByMpxn(query.get("mpxn").strip());
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid filter", e.getMessage().lines().findFirst().orElse(""));
    }
    ObjectNode out = ControlJson.object().put("count", found.size());
    out.set("devices", deviceJson(found.subList(0, Math.min(found.size(), DEVICE_PAGE))));
    out.put("truncated", found.size() > DEVICE_PAGE);
    return ok(out);
  }

  private ControlResponse device(String text) {
    Eui64 eui = eui(text, "a device ID", "DE-DC-C5-01-00-00-00-00");
    return inventory()
        .find(eui)
        .map(d -> ok(deviceJson(List.of(d)).get(0)))
        .orElseGet(() -> error(404, "not found", "no device " + eui));
  }

  /** The most devices one {@code POST /control/devices} adds. */
  public static final int MAX_ADDED_DEVICES = 10_000;

  /**
   * Adds one device (the body is the device's object) or several (the body is {@code {"devices":
   * [...]}}), all or none: 201 with what was added, 409 naming an EUI already held, 413 for more
   * than {@link #MAX_ADDED_DEVICES}.
   */
  private ControlResponse addDevices(byte[] body) {
    io.dccsim.core.inventory.DeviceInventory inventory = inventory();
    ObjectNode in = json.readObject(body);
    boolean many = in.has("devices");
    List<JsonNode> given = new ArrayList<>();
    if (many) {
      ControlJson.onlyFields(in, Set.of("devices"), "a list of devices");
      JsonNode list = in.get("devices");
      if (!list.isArray()) {
        throw new BadControlRequest("invalid field", "'devices' is an array of device objects");
      }
      if (list.size() > MAX_ADDED_DEVICES) {
        return error(
            413,
            "too many devices",
            "at most " + MAX_ADDED_DEVICES + " devices per call, not " + list.size());
      }
      list.forEach(given::add);
    } else if (in.isEmpty()) {
      throw new BadControlRequest(
          "missing field", "the body is a device object, or {\"devices\": [...]}");
    } else {
      given.add(in);
    }
    List<io.dccsim.core.inventory.Device> devices = new ArrayList<>(given.size());
    Set<Eui64> seen = new java.util.HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String where = many ? "devices[" + i + "]: " : "";
      JsonNode node = given.get(i);
      if (!node.isObject()) {
        throw new BadControlRequest("invalid field", where + "a device is a JSON object");
      }
      io.dccsim.core.inventory.Device d;
      try {
        d =
            io.dccsim.core.inventory.EstateFile.readJsonObject(
                new java.io.StringReader(node.toString()));
      } catch (io.dccsim.core.inventory.EstateFileException e) {
        throw new BadControlRequest("invalid device", where + e.problem());
      }
      if (!seen.add(d.eui())) {
        throw new BadControlRequest(
            "invalid device", where + "device " + d.eui() + " is listed twice");
      }
      devices.add(d);
    }
    try {
      inventory.addAll(devices);
    } catch (io.dccsim.core.inventory.DuplicateDeviceException e) {
      return error(
          409,
          "device already held",
          "the inventory already holds device " + e.eui() + "; nothing was added");
    }
    JsonNode out;
    if (many) {
      ObjectNode list = ControlJson.object().put("count", devices.size());
      list.set("devices", deviceJson(devices));
      out = list;
    } else {
      out = deviceJson(devices).get(0);
    }
    return new ControlResponse(201, JSON, Map.of(), json.write(out));
  }

  private ControlResponse removeDevice(String text) {
    Eui64 eui = eui(text, "a device ID", "DE-DC-C5-01-00-00-00-00");
    return inventory().remove(eui)
        ? new ControlResponse(204, JSON, Map.of(), new byte[0])
        : error(404, "not found", "no device " + eui);
  }

  private ControlResponse deviceStatus(String text, byte[] body) {
    Eui64 eui = eui(text, "a device ID", "DE-DC-C5-01-00-00-00-00");
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("status"), "a device status");
    String given = ControlJson.text(in, "status");
    io.dccsim.core.inventory.DeviceStatus status =
        io.dccsim.core.inventory.DeviceStatus.fromDuisText(given)
            .or(
                () ->
                    java.util.Arrays.stream(io.dccsim.core.inventory.DeviceStatus.values())
                        .filter(v -> v.name().equalsIgnoreCase(given.strip()))
                        .findFirst())
            .orElseThrow(
                () ->
                    new BadControlRequest(
                        "invalid field",
                        "'status' is one of "
                            + java.util.Arrays.stream(
                                    io.dccsim.core.inventory.DeviceStatus.values())
                                .map(io.dccsim.core.inventory.DeviceStatus::duisText)
                                .toList()));
    return inventory()
        .updateStatus(eui, status)
        .map(d -> ok(deviceJson(List.of(d)).get(0)))
        .orElseGet(() -> error(404, "not found", "no device " + eui));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper DEVICE_JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** Devices as the JSON estate file writes them, one object each. */
  private static com.fasterxml.jackson.databind.JsonNode deviceJson(
      List<io.dccsim.core.inventory.Device> devices) {
    java.io.StringWriter text = new java.io.StringWriter();
    io.dccsim.core.inventory.EstateFile.write(
        text, io.dccsim.core.inventory.EstateFile.Format.JSON, devices);
    try {
      return DEVICE_JSON.readTree(text.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("The estate JSON of a device did not read back", e);
    }
  }

  private UserRegistry registry() {
    return target
        .users()
        .orElseThrow(
            () ->
                new BadControlRequest(
                    "no user registry", "this simulator does not expose its Users"));
  }

  private ControlResponse listUsers() {
    ObjectNode out = ControlJson.object();
    ArrayNode list = out.putArray("users");
    registry().all().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Eui64::toString)))
        .forEach(e -> list.add(user(e.getKey(), e.getValue())));
    return ok(out);
  }

  private ControlResponse addUser(byte[] body) {
    ObjectNode in = json.readObject(body);
    ControlJson.onlyFields(in, Set.of("eui", "role", "credentials"), "a user");
    Eui64 eui = eui(ControlJson.text(in, "eui"));
    String roleText = ControlJson.text(in, "role");
    UserRole role =
        UserRole.parse(roleText)
            .orElseThrow(
                () ->
                    new BadControlRequest(
                        "invalid field",
                        "'role' is a DUIS User Role, by name or abbreviation: "
                            + java.util.Arrays.stream(UserRole.values())
                                .map(v -> v.name() + " (" + v.abbreviation() + ")")
                                .toList()));
    boolean withCredentials = !in.has("credentials") || in.get("credentials").asBoolean(true);
    if (in.has("credentials") && !in.get("credentials").isBoolean()) {
      throw new BadControlRequest("invalid field", "'credentials' is true or false");
    }
    if (withCredentials && target.userCredentials().isPresent()) {
      target.userCredentials().get().register(eui, role);
    } else {
      registry().register(eui, role);
    }
    return new ControlResponse(201, JSON, Map.of(), json.write(user(eui, role)));
  }

  /** The User's certificate and private key (test keys), where the simulator gives them out. */
  private ControlResponse credentials(String text) {
    Eui64 eui = eui(text);
    if (registry().roleOf(eui).isEmpty()) {
      return error(404, "not found", "no user " + eui);
    }
    Optional<UserCredentials> held = target.userCredentials();
    return held.flatMap(c -> c.of(eui))
        .map(
            c -> {
              ObjectNode out = credential(ControlJson.object().put("eui", eui.toString()), c);
              held.flatMap(h -> h.digitalSigningOf(eui))
                  .ifPresent(ds -> credential(out.putObject("digitalSigning"), ds));
              held.flatMap(h -> h.keyAgreementOf(eui))
                  .ifPresent(ka -> credential(out.putObject("keyAgreement"), ka));
              return ok(out);
            })
        .orElseGet(
            () ->
                error(
                    404,
                    "not found",
                    "user " + eui + " has no credential here (registered with its role only)"));
  }

  /** The serial, issuer, certificate chain and private key of {@code c}, into {@code out}. */
  private static ObjectNode credential(ObjectNode out, io.dccsim.smki.pki.Credential c) {
    return certificate(out, c).put("privateKeyPem", c.privateKeyPkcs8Pem());
  }

  private ControlResponse user(String text) {
    Eui64 eui = eui(text);
    return registry()
        .roleOf(eui)
        .map(role -> ok(user(eui, role)))
        .orElseGet(() -> error(404, "not found", "no user " + eui));
  }

  private ControlResponse removeUser(String text) {
    Eui64 eui = eui(text);
    UserRegistry users = registry();
    if (users.roleOf(eui).isEmpty()) {
      return error(404, "not found", "no user " + eui);
    }
    users.remove(eui);
    return ok(ControlJson.object().put("removed", eui.toString()));
  }

  private ObjectNode user(Eui64 eui, UserRole role) {
    ObjectNode out =
        ControlJson.object()
            .put("eui", eui.toString())
            .put("role", role.name())
            .put("abbreviation", role.abbreviation())
            .put("name", role.displayName())
            .put("credentials", target.userCredentials().flatMap(c -> c.of(eui)).isPresent());
    target
        .deliveries()
        .ifPresent(
            d ->
                d.receiveUrl(eui)
                    .ifPresentOrElse(
                        url -> out.put("receiveUrl", url.toString()),
                        () -> out.putNull("receiveUrl")));
    return out;
  }

  private io.dccsim.sim.delivery.ResponseDelivery delivery() {
    return target
        .deliveries()
        .orElseThrow(
            () ->
                new BadControlRequest(
                    "no deliveries", "this simulator does not expose its response delivery"));
  }

  private ControlResponse setReceiveUrl(String text, byte[] body) {
    Eui64 eui = eui(text);
    ObjectNode in = json.readObject(body);
    JsonNode url = in.get("url");
    if (url == null || !url.isTextual() || in.size() != 1) {
      throw new BadControlRequest("invalid field", "the body is {\"url\": \"http(s)://...\"}");
    }
    java.net.URI uri;
    try {
      uri = new java.net.URI(url.asText().strip());
    } catch (java.net.URISyntaxException e) {
      throw new BadControlRequest("invalid field", "url is not a URL: " + e.getReason());
    }
    delivery().receiveUrl(eui, uri);
    return ok(ControlJson.object().put("eui", eui.toString()).put("receiveUrl", uri.toString()));
  }

  private ControlResponse removeReceiveUrl(String text) {
    Eui64 eui = eui(text);
    return delivery().removeReceiveUrl(eui)
        ? ok(ControlJson.object().put("removed", eui.toString()))
        : error(404, "not found", "no receiving URL for " + eui);
  }

  /** The most entries of each list {@code GET /control/deliveries} returns. */
  private static final int MAX_DELIVERIES = 1_000;

  private ControlResponse listDeliveries(Map<String, String> query) {
    io.dccsim.sim.delivery.ResponseDelivery d = delivery();
    Optional<Eui64> user =
        Optional.ofNullable(query.get("user")).map(u -> eui(u, "user", "90-B3-D5-1F-30-01-00-00"));
    int limit = MAX_DELIVERIES;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_DELIVERIES) {
        throw new BadControlRequest("invalid field", "limit is 1 to " + MAX_DELIVERIES);
      }
    }
    List<io.dccsim.smki.repository.OutboxStore.Entry> pending =
        user.isPresent() ? d.pending(user.get(), limit) : d.pending(limit);
    List<io.dccsim.smki.repository.OutboxStore.Entry> dead =
        user.isPresent() ? d.deadLetters(user.get(), limit) : d.deadLetters(limit);
    ObjectNode out =
        ControlJson.object().put("pendingCount", d.pendingCount()).put("deadCount", d.deadCount());
    ArrayNode p = out.putArray("pending");
    pending.forEach(e -> delivery(p.addObject(), e));
    ArrayNode x = out.putArray("dead");
    dead.forEach(e -> delivery(x.addObject(), e));
    ArrayNode done = out.putArray("delivered");
    for (io.dccsim.sim.delivery.ResponseDelivery.Delivered r : d.recentlyDelivered(user, limit)) {
      ObjectNode o = done.addObject();
      delivery(o, r.entry());
      o.remove("nextAttempt");
      o.put("delivered", r.at().toString());
    }
    return ok(out);
  }

  private ControlResponse deliveryDocument(String text) {
    long seq;
    try {
      seq = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadControlRequest("invalid field", "seq is a message's sequence number");
    }
    return delivery()
        .document(seq)
        .map(
            doc ->
                ok(
                    ControlJson.object()
                        .put("seq", seq)
                        .put("document", new String(doc, java.nio.charset.StandardCharsets.UTF_8))))
        .orElseGet(
            () ->
                error(
                    404,
                    "not found",
                    "no message " + seq + " pending, dead or among those recently delivered"));
  }

  private static void delivery(ObjectNode o, io.dccsim.smki.repository.OutboxStore.Entry e) {
    o.put("seq", e.sequence());
    o.put("user", e.user().toString());
    o.put("kind", e.kind());
    e.requestId().ifPresentOrElse(r -> o.put("requestId", r), () -> o.putNull("requestId"));
    o.put("responseCode", e.responseCode());
    o.put("accepted", e.accepted().toString());
    o.put("attempts", e.attempts());
    if (e.dead().isPresent()) {
      o.put("dead", e.dead().get().toString());
    } else {
      o.put("nextAttempt", e.nextAttempt().toString());
    }
    e.lastError().ifPresentOrElse(r -> o.put("lastError", r), () -> o.putNull("lastError"));
  }

  private ControlResponse redrive(String text) {
    long seq;
    try {
      seq = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new BadControlRequest("invalid field", "seq is a dead letter's sequence number");
    }
    try {
      return delivery().redrive(seq)
          ? ok(ControlJson.object().put("redriven", seq))
          : error(404, "not found", "no dead letter " + seq);
    } catch (io.dccsim.sim.delivery.OutboxFullException e) {
      return error(409, "outbox full", e.getMessage());
    }
  }

  private static Eui64 eui(String text) {
    return eui(text, "a User ID", "90-B3-D5-1F-30-01-00-00");
  }

  /** {@code text} as an EUI-64, or a 400 saying what {@code what} looks like. */
  private static Eui64 eui(String text, String what, String example) {
    try {
      return Eui64.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid field", what + " is an EUI-64 such as " + example);
    }
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
