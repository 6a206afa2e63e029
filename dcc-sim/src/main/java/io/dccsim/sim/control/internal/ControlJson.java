package io.dccsim.sim.control.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.journal.ExchangePattern;
import io.dccsim.sim.journal.ExpectedCount;
import io.dccsim.sim.journal.JournalStatistics;
import io.dccsim.sim.scenario.Effect;
import io.dccsim.sim.scenario.RequestSelector;
import io.dccsim.sim.scenario.Scenario;
import io.dccsim.sim.scenario.ScenarioDefinition;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.RequestFacts;
import io.dccsim.sim.spi.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The control API's JSON forms: reading requests strictly, writing answers plainly. */
public final class ControlJson {
  /** Names of journal filters, as query parameters and as {@code match} fields. */
  public static final Set<String> FILTERS =
      Set.of(
          "path",
          "sr",
          "srv",
          "target",
          "postcode",
          "uprn",
          "originator",
          "verdict",
          "responseCode",
          "httpStatus",
          "since",
          "before",
          "afterSequence");

  private static final Set<String> SELECTOR_FIELDS =
      Set.of("postcode", "uprn", "originator", "sr", "target");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper mapper = new ObjectMapper();

  /** Parses a JSON object body; an empty body is an empty object. */
  public ObjectNode readObject(byte[] body) {
    if (body.length == 0) {
      return NODES.objectNode();
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (IOException e) {
      throw new BadControlRequest("malformed JSON", firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new BadControlRequest("malformed JSON", "the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** Serialises a node to UTF-8 bytes. */
  public byte[] write(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }

  /** {@code {"error": ..., "detail": ...}}. */
  public static ObjectNode error(String error, String detail) {
    ObjectNode n = NODES.objectNode();
    n.put("error", error);
    n.put("detail", detail);
    return n;
  }

  /** A new empty object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Refuses fields not in {@code allowed}, naming them. */
  public static void onlyFields(JsonNode node, Set<String> allowed, String where) {
    Iterator<String> names = node.fieldNames();
    List<String> unknown = new ArrayList<>();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        unknown.add(n);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadControlRequest(
          "unknown field", where + " has unknown field(s) " + unknown + "; known: " + allowed);
    }
  }

  /** A required text field. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new BadControlRequest("missing field", "'" + field + "' is required");
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new BadControlRequest("invalid field", "'" + field + "' must be a string");
    }
    return v.asText();
  }

  /** An optional text field. */
  public static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(text(node, field));
  }

  /** A required integral number field. */
  public static long integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new BadControlRequest("missing field", "'" + field + "' is required");
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new BadControlRequest("invalid field", "'" + field + "' must be an integer");
    }
    return v.asLong();
  }

  /** A required number field. */
  public static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new BadControlRequest("invalid field", "'" + field + "' must be a number");
    }
    return v.asDouble();
  }

  /** An instant in ISO-8601 form, e.g. {@code 2021-06-24T00:00:00Z}. */
  public static Instant instant(String field, String text) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadControlRequest(
          "invalid field",
          "'" + field + "' must be an ISO-8601 instant such as 2021-06-24T00:00:00Z");
    }
  }

  /** A date in ISO-8601 form, e.g. {@code 2022-03-01}. */
  public static java.time.LocalDate date(String field, String text) {
    try {
      return java.time.LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadControlRequest(
          "invalid field", "'" + field + "' must be an ISO-8601 date such as 2022-03-01");
    }
  }

  /** A duration in ISO-8601 form, e.g. {@code PT24H} or {@code P7D}. */
  public static Duration duration(String field, String text) {
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadControlRequest(
          "invalid field", "'" + field + "' must be an ISO-8601 duration such as PT24H or P7D");
    }
  }

  /** A journal pattern from filter values (query parameters or a {@code match} object). */
  public static ExchangePattern pattern(Map<String, String> filters) {
    ExchangePattern p = ExchangePattern.anyExchange();
    for (Map.Entry<String, String> f : filters.entrySet()) {
      String v = f.getValue();
      try {
        p =
            switch (f.getKey()) {
              case "path" -> p.onPath(v);
              case "sr" -> p.forServiceReference(v);
              case "srv" -> p.forVariant(v);
              case "target" -> p.to(Eui64.parse(v));
              case "postcode" -> p.forPostcode(v);
              case "uprn" -> p.forUprn(v);
              case "originator" -> p.from(Eui64.parse(v));
              case "verdict" -> p.withVerdict(Verdict.valueOf(v.strip().toUpperCase(Locale.ROOT)));
              case "responseCode" -> p.withResponseCode(v);
              case "httpStatus" -> p.withHttpStatus(Integer.parseInt(v.strip()));
              case "since" -> p.receivedSince(instant("since", v));
              case "before" -> p.receivedBefore(instant("before", v));
              case "afterSequence" -> p.afterSequence(Long.parseLong(v.strip()));
              default ->
                  throw new BadControlRequest(
                      "unknown filter", "'" + f.getKey() + "' is not a filter; known: " + FILTERS);
            };
      } catch (IllegalArgumentException e) {
        throw new BadControlRequest(
            "invalid filter", "'" + f.getKey() + "': " + firstLine(e.getMessage()));
      }
    }
    return p;
  }

  /** Filter values from a {@code match} object. */
  public static Map<String, String> filters(JsonNode match) {
    if (match == null || match.isNull()) {
      return Map.of();
    }
    if (!match.isObject()) {
      throw new BadControlRequest("invalid field", "'match' must be an object");
    }
    onlyFields(match, FILTERS, "'match'");
    Map<String, String> out = new java.util.LinkedHashMap<>();
    match.fieldNames().forEachRemaining(n -> out.put(n, text(match, n)));
    return out;
  }

  /** An expected count: {@code {"exactly": 2}}, {@code {"atLeast": 1}}, {@code {"atMost": 3}}. */
  public static ExpectedCount count(JsonNode node) {
    if (node == null || node.isNull()) {
      return ExpectedCount.atLeast(1);
    }
    if (node.isIntegralNumber()) {
      return ExpectedCount.exactly(node.asInt());
    }
    if (!node.isObject()) {
      throw new BadControlRequest(
          "invalid field", "'count' is a number or an object such as {\"atLeast\": 1}");
    }
    onlyFields(node, Set.of("exactly", "atLeast", "atMost"), "'count'");
    try {
      if (node.has("exactly")) {
        return ExpectedCount.exactly(checkedInt(node, "exactly"));
      }
      int min = node.has("atLeast") ? checkedInt(node, "atLeast") : 0;
      int max = node.has("atMost") ? checkedInt(node, "atMost") : Integer.MAX_VALUE;
      return ExpectedCount.between(min, max);
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid field", "'count': " + e.getMessage());
    }
  }

  private static int checkedInt(JsonNode node, String field) {
    long v = integer(node, field);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new BadControlRequest("invalid field", "'" + field + "' is out of range");
    }
    return (int) v;
  }

  /** A scenario definition: {@code {"match": {...}, "effects": [...], "times": 2}}. */
  public static ScenarioDefinition scenario(ObjectNode body) {
    onlyFields(body, Set.of("match", "effects", "times"), "a scenario");
    RequestSelector selector = RequestSelector.any();
    JsonNode match = body.get("match");
    if (match != null && !match.isNull()) {
      if (!match.isObject()) {
        throw new BadControlRequest("invalid scenario", "'match' must be an object");
      }
      onlyFields(match, SELECTOR_FIELDS, "'match'");
      try {
        if (match.has("postcode")) {
          selector = selector.withPostcode(text(match, "postcode"));
        }
        if (match.has("uprn")) {
          selector = selector.withUprn(text(match, "uprn"));
        }
        if (match.has("originator")) {
          selector = selector.withOriginator(Eui64.parse(text(match, "originator")));
        }
        if (match.has("sr")) {
          selector = selector.withServiceReference(text(match, "sr"));
        }
        if (match.has("target")) {
          selector = selector.withTarget(Eui64.parse(text(match, "target")));
        }
      } catch (IllegalArgumentException e) {
        throw new BadControlRequest("invalid scenario", firstLine(e.getMessage()));
      }
    }
    JsonNode effects = body.get("effects");
    if (effects == null || !effects.isArray() || effects.isEmpty()) {
      throw new BadControlRequest(
          "invalid scenario", "'effects' must be a non-empty array of effects");
    }
    List<Effect> list = new ArrayList<>();
    for (JsonNode e : effects) {
      list.add(effect(e));
    }
    OptionalInt times = OptionalInt.empty();
    if (body.has("times") && !body.get("times").isNull()) {
      long t = integer(body, "times");
      if (t < 1 || t > Integer.MAX_VALUE) {
        throw new BadControlRequest(
            "invalid scenario", "'times' is at least 1 (omit it for always)");
      }
      times = OptionalInt.of((int) t);
    }
    try {
      return new ScenarioDefinition(selector, list, times);
    } catch (IllegalArgumentException e) {
      throw new BadControlRequest("invalid scenario", e.getMessage());
    }
  }

  /** One effect: {@code {"type": "delay", "millis": 200}} and so on. */
  public static Effect effect(JsonNode e) {
    if (e == null || !e.isObject()) {
      throw new BadControlRequest("invalid effect", "each effect is an object with a 'type'");
    }
    String type = text(e, "type");
    try {
      return switch (type) {
        case "delay" -> {
          onlyFields(e, Set.of("type", "millis"), "a delay");
          yield Effect.fixedDelay(Duration.ofMillis(integer(e, "millis")));
        }
        case "randomDelay" -> {
          onlyFields(e, Set.of("type", "minMillis", "maxMillis"), "a random delay");
          yield Effect.randomDelay(
              Duration.ofMillis(integer(e, "minMillis")),
              Duration.ofMillis(integer(e, "maxMillis")));
        }
        case "connectionReset" -> bare(e, Effect.connectionReset());
        case "emptyResponse" -> bare(e, Effect.emptyResponse());
        case "malformedXml" -> bare(e, Effect.malformedXml());
        case "brokenSignature" -> bare(e, Effect.brokenSignature());
        case "serviceUnavailable" -> bare(e, Effect.serviceUnavailable());
        case "httpStatus" -> {
          onlyFields(e, Set.of("type", "status"), "an HTTP status");
          yield Effect.httpStatus((int) integer(e, "status"));
        }
        case "responseCode" -> {
          onlyFields(e, Set.of("type", "code"), "a response code");
          yield Effect.responseCode(text(e, "code"));
        }
        case "alert" -> {
          onlyFields(e, Set.of("type", "code", "after"), "an alert");
          yield Effect.alert(
              text(e, "code"),
              optionalText(e, "after").map(t -> duration("after", t)).orElse(Duration.ZERO));
        }
        case "deviceBehaviour" -> {
          onlyFields(e, Set.of("type", "behaviour"), "a device behaviour");
          yield Effect.deviceBehaviour(
              io.dccsim.sim.service.DeviceBehaviour.parse(text(e, "behaviour")));
        }
        case "cannedResponse" -> {
          onlyFields(e, Set.of("type", "code", "body"), "a canned response");
          yield Effect.cannedResponse(text(e, "code"), text(e, "body"));
        }
        default ->
            throw new BadControlRequest(
                "invalid effect",
                "unknown effect type '"
                    + type
                    + "'; known: delay, randomDelay, connectionReset, emptyResponse, malformedXml,"
                    + " brokenSignature, serviceUnavailable, httpStatus, responseCode, cannedResponse,"
                    + " deviceBehaviour, alert");
      };
    } catch (IllegalArgumentException ex) {
      throw new BadControlRequest("invalid effect", ex.getMessage());
    }
  }

  private static Effect bare(JsonNode e, Effect effect) {
    onlyFields(e, Set.of("type"), "'" + e.get("type").asText() + "'");
    return effect;
  }

  /** A scenario as JSON. */
  public static ObjectNode scenario(Scenario s) {
    ObjectNode n = NODES.objectNode();
    n.put("id", s.id());
    ScenarioDefinition d = s.definition();
    ObjectNode match = n.putObject("match");
    d.selector().postcode().ifPresent(v -> match.put("postcode", v));
    d.selector().uprn().ifPresent(v -> match.put("uprn", v));
    d.selector().originator().ifPresent(v -> match.put("originator", v.toString()));
    d.selector().serviceReference().ifPresent(v -> match.put("sr", v));
    d.selector().target().ifPresent(v -> match.put("target", v.toString()));
    ArrayNode effects = n.putArray("effects");
    for (Effect e : d.effects()) {
      effects.add(effect(e));
    }
    if (d.limit().isPresent()) {
      n.put("times", d.limit().getAsInt());
      n.put("remaining", s.remaining().orElse(0));
    } else {
      n.putNull("times");
    }
    n.put("applied", s.timesApplied());
    n.put("exhausted", s.isExhausted());
    n.put("description", d.describe());
    return n;
  }

  /** An effect as JSON, in the form {@link #effect(JsonNode)} reads. */
  public static ObjectNode effect(Effect e) {
    ObjectNode n = NODES.objectNode();
    if (e instanceof Effect.FixedDelay d) {
      n.put("type", "delay").put("millis", d.delay().toMillis());
    } else if (e instanceof Effect.RandomDelay d) {
      n.put("type", "randomDelay")
          .put("minMillis", d.min().toMillis())
          .put("maxMillis", d.max().toMillis());
    } else if (e instanceof Effect.ConnectionReset) {
      n.put("type", "connectionReset");
    } else if (e instanceof Effect.EmptyResponse) {
      n.put("type", "emptyResponse");
    } else if (e instanceof Effect.MalformedXml) {
      n.put("type", "malformedXml");
    } else if (e instanceof Effect.BrokenSignature) {
      n.put("type", "brokenSignature");
    } else if (e instanceof Effect.HttpStatus h) {
      n.put("type", "httpStatus").put("status", h.status());
    } else if (e instanceof Effect.ResponseCode c) {
      n.put("type", "responseCode").put("code", c.code());
    } else if (e instanceof Effect.RaiseAlert a) {
      n.put("type", "alert").put("code", a.code()).put("after", a.after().toString());
    } else if (e instanceof Effect.DeviceBehaviourEffect b) {
      n.put("type", "deviceBehaviour").put("behaviour", b.behaviour().text());
    } else if (e instanceof Effect.CannedResponse c) {
      n.put("type", "cannedResponse").put("code", c.code()).put("body", c.bodyElementXml());
    }
    return n;
  }

  /** An exchange as JSON; bodies as UTF-8 text only when asked. */
  public static ObjectNode exchange(Exchange e, boolean bodies) {
    ObjectNode n = NODES.objectNode();
    n.put("sequence", e.sequence());
    n.put("receivedAt", e.receivedAt().toString());
    n.put("path", e.path());
    n.put("remoteAddress", e.remoteAddress());
    if (e.facts().isPresent()) {
      RequestFacts f = e.facts().get();
      f.originator().ifPresent(v -> n.put("originator", v.toString()));
      f.requestId().ifPresent(v -> n.put("requestId", v));
      f.serviceReference().ifPresent(v -> n.put("sr", v));
      f.serviceReferenceVariant().ifPresent(v -> n.put("srVariant", v));
      f.postcode().ifPresent(v -> n.put("postcode", v));
      f.uprn().ifPresent(v -> n.put("uprn", v));
    }
    n.put("verdict", e.verdict().name());
    n.put("reason", e.reason());
    n.put("httpStatus", e.httpStatus());
    e.responseCode().ifPresent(v -> n.put("responseCode", v));
    n.put("elapsedMillis", e.elapsed().toNanos() / 1_000_000.0);
    if (bodies) {
      n.put("requestBody", new String(e.requestBody(), StandardCharsets.UTF_8));
      n.put("responseBody", new String(e.responseBody(), StandardCharsets.UTF_8));
    }
    return n;
  }

  /** Journal counters as JSON. */
  public static ObjectNode statistics(JournalStatistics s) {
    ObjectNode n = NODES.objectNode();
    n.put("capacity", s.capacity());
    n.put("retained", s.retained());
    n.put("recorded", s.recorded());
    n.put("evicted", s.evicted());
    n.put("evictedSinceClear", s.evictedSinceClear());
    s.oldestRetainedSequence().ifPresent(v -> n.put("oldestRetainedSequence", v));
    s.newestEvictedSequence().ifPresent(v -> n.put("newestEvictedSequence", v));
    s.newestEvictedReceivedAt().ifPresent(v -> n.put("newestEvictedReceivedAt", v.toString()));
    return n;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
