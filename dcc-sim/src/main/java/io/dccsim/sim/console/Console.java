package io.dccsim.sim.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.client.DuisTransportException;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.Modification;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.control.ControlResponse;
import io.dccsim.sim.control.ControlRoute;
import io.dccsim.sim.control.ControlledSimulator;
import io.dccsim.sim.control.internal.ControlJson;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.netty.channel.ChannelHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The web console of a running simulator: static pages under {@value #PATH} on the control API's
 * port, a login that trades the control token for a session cookie, a live journal stream, and the
 * few control routes the pages need beyond the API's own ({@link #routes()}): one exchange with its
 * signature checked step by step, sign-and-send as a test User, the endpoints, the release, the
 * SMKI certificates. Give it to {@link
 * io.dccsim.sim.control.ControlServer#start(ControlledSimulator, BearerToken,
 * java.net.InetSocketAddress, List, Optional)}.
 */
public final class Console {
  /** Where the pages are. */
  public static final String PATH = "/console/";

  /** Where the journal is streamed as server-sent events. */
  public static final String STREAM_PATH = "/control/journal/stream";

  /** The most exchanges a stream sends when it opens. */
  public static final int MAX_BACKLOG = 200;

  /** The most certificates one listing returns. */
  public static final int MAX_CERTIFICATES = 500;

  private static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ControlledSimulator target;
  private final Optional<ConsoleSender> sender;
  private final Optional<SignatureCheck> signatures;
  private final Optional<CertificateRepository> certificates;
  private final Map<String, String> endpoints;
  private final Clock realClock;

  private Console(Builder b) {
    this.target = b.target;
    this.sender = Optional.ofNullable(b.sender);
    this.signatures = Optional.ofNullable(b.signatures);
    this.certificates = Optional.ofNullable(b.certificates);
    this.endpoints = Map.copyOf(b.endpoints);
    this.realClock = b.realClock;
  }

  /** A console over {@code target}. */
  public static Builder builder(ControlledSimulator target) {
    return new Builder(target);
  }

  /**
   * A console over {@code target}, the control view of {@code simulator}: signatures checked
   * against its SMKI repository, its certificates listed, its DUIS endpoint shown, and requests
   * signed as its test Users and sent to it (when DUIS is plain HTTP; see the next method for
   * HTTPS).
   */
  public static Builder builder(ControlledSimulator target, io.dccsim.sim.Simulator simulator) {
    return builder(target, simulator, Optional.empty());
  }

  /**
   * As {@link #builder(ControlledSimulator, io.dccsim.sim.Simulator)}, sending over HTTPS with
   * {@code duisTls} (a context trusting the DUIS server's certificate) when DUIS uses TLS.
   */
  public static Builder builder(
      ControlledSimulator target,
      io.dccsim.sim.Simulator simulator,
      Optional<javax.net.ssl.SSLContext> duisTls) {
    Builder b =
        new Builder(target)
            .signatures(
                new SignatureCheck(
                    new io.dccsim.sim.pipeline.RepositoryCertificateResolver(
                        simulator.repository())))
            .certificates(simulator.repository())
            .endpoint("duis", simulator.baseUrl());
    boolean plain = simulator.baseUrl().startsWith("http:");
    if (plain || duisTls.isPresent()) {
      io.dccsim.core.client.HttpDuisTransport.Builder transport =
          io.dccsim.core.client.HttpDuisTransport.builder(java.net.URI.create(simulator.baseUrl()))
              // the send is answered on the control port's thread: never wait long
              .requestTimeout(java.time.Duration.ofSeconds(15));
      if (!plain) {
        transport.sslContext(duisTls.get());
      }
      b.sender(
          new ConsoleSender(
              simulator.userCredentials(),
              transport.build(),
              simulator.dccEui(),
              simulator::baselinePolicy,
              simulator.clock()));
    }
    return b;
  }

  /** The control routes the pages need beyond the API's own, every one behind the token. */
  public List<ControlRoute> routes() {
    List<ControlRoute> r = new ArrayList<>();
    r.add(ControlRoute.of("GET", STREAM_PATH, (p, q, b) -> streamSnapshot(q)));
    r.add(
        ControlRoute.of(
            "GET",
            "/control/journal/exchanges/{sequence}",
            (p, q, b) -> exchange(p.get("sequence"))));
    r.add(ControlRoute.of("POST", "/control/console/send", (p, q, b) -> send(b)));
    r.add(ControlRoute.of("GET", "/control/endpoints", (p, q, b) -> endpoints()));
    r.add(ControlRoute.of("GET", "/control/release", (p, q, b) -> release()));
    r.add(ControlRoute.of("GET", "/control/smki/certificates", (p, q, b) -> certificates(q)));
    return r;
  }

  /** The handler serving the pages, the login and the stream, placed before the control API's. */
  public ChannelHandler handler(BearerToken token) {
    return new io.dccsim.sim.console.internal.ConsoleHttpHandler(
        token, target.journal(), realClock);
  }

  /** The journal so far as one finite event stream (the server keeps a real stream open). */
  private ControlResponse streamSnapshot(Map<String, String> query) {
    int backlog = backlog(query);
    StringBuilder out = new StringBuilder("retry: 2000\n\n");
    for (Exchange e : target.journal().follow(0, backlog).exchanges()) {
      out.append(event(e));
    }
    return new ControlResponse(
        200,
        "text/event-stream; charset=utf-8",
        Map.of(),
        out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code backlog} from the query: 0 to {@link #MAX_BACKLOG}, default 50. */
  public static int backlog(Map<String, String> query) {
    for (String k : query.keySet()) {
      if (!k.equals("backlog")) {
        throw new IllegalArgumentException("'" + k + "' is not a parameter; known: [backlog]");
      }
    }
    String v = query.get("backlog");
    if (v == null) {
      return 50;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= 0 && n <= MAX_BACKLOG) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("'backlog' is 0.." + MAX_BACKLOG);
  }

  /** One exchange as a server-sent event. */
  public static String event(Exchange e) {
    return "id: "
        + e.sequence()
        + "\nevent: exchange\ndata: "
        + ControlJson.exchange(e, false).toString()
        + "\n\n";
  }

  private ControlResponse exchange(String text) {
    long sequence;
    try {
      sequence = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an exchange's sequence is a number, not '" + text + "'");
    }
    RequestJournal journal = target.journal();
    Optional<Exchange> found =
        journal.entries().stream().filter(x -> x.sequence() == sequence).findFirst();
    if (found.isEmpty()) {
      return error(404, "not found", "the journal holds no exchange " + sequence);
    }
    Exchange e = found.get();
    ObjectNode out = ControlJson.exchange(e, true);
    if (signatures.isPresent() && e.requestBody().length > 0) {
      ArrayNode steps = out.putArray("signatureCheck");
      for (SignatureCheck.Step s :
          signatures.get().check(e.requestBody(), e.facts().flatMap(f -> f.originator()))) {
        steps
            .addObject()
            .put("id", s.id())
            .put("title", s.title())
            .put("outcome", s.outcome().name())
            .put("detail", s.detail());
      }
    }
    out.put("curl", curl(e));
    return ok(out);
  }

  /** A {@code curl} command posting the same request body again. */
  private String curl(Exchange e) {
    String base = endpoints.getOrDefault("duis", "http://127.0.0.1:8079");
    String body = new String(e.requestBody(), StandardCharsets.UTF_8);
    return "curl -sS -H 'Content-Type: application/xml' --data-binary "
        + shellQuoted(body)
        + " "
        + shellQuoted(base + e.path());
  }

  static String shellQuoted(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private ControlResponse send(byte[] body) {
    ConsoleSender s =
        sender.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the console cannot send to this simulator's DUIS endpoint (HTTPS requiring a client certificate, which the console does not have)"));
    JsonNode in;
    try {
      in = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    if (in == null || !in.isObject()) {
      throw new IllegalArgumentException(
          "the body is {\"user\": EUI, \"xml\": \"<sr:Request>...\", \"target\": EUI?}");
    }
    in.fieldNames()
        .forEachRemaining(
            f -> {
              if (!List.of("user", "xml", "target").contains(f)) {
                throw new IllegalArgumentException("'" + f + "' is not a field of a send");
              }
            });
    Eui64 user = eui(in.path("user").asText(""), "'user'");
    String xml = in.path("xml").asText("");
    if (xml.isBlank()) {
      throw new IllegalArgumentException("'xml' holds the request to sign and send");
    }
    Optional<Eui64> to =
        in.hasNonNull("target") && !in.get("target").asText().isBlank()
            ? Optional.of(eui(in.get("target").asText(), "'target'"))
            : Optional.empty();
    ConsoleSender.Sent sent;
    try {
      sent = s.send(user, xml, to);
    } catch (DuisTransportException e) {
      return error(
          502, "no answer", "the simulator's DUIS endpoint did not answer: " + e.getMessage());
    }
    ObjectNode out = ControlJson.object();
    out.put("requestId", sent.requestId().toString());
    out.put("path", sent.path());
    out.put("status", sent.status());
    out.put("request", sent.request());
    out.put("response", sent.response());
    ArrayNode meanings = out.putArray("wanTechnology");
    for (ConsoleSender.Meaning m : sent.wanTechnologies()) {
      meanings
          .addObject()
          .put("sent", m.sent())
          .put("meaning", m.kind().name())
          .put("baseline", m.baseline());
    }
    target.journal().entries().stream()
        .filter(
            x ->
                x.facts()
                    .flatMap(f -> f.requestId())
                    .filter(r -> r.equals(sent.requestId().toString()))
                    .isPresent())
        .reduce((a, b) -> b)
        .ifPresent(
            x -> {
              out.put("sequence", x.sequence());
              x.responseCode().ifPresent(c -> out.put("responseCode", c));
              out.put("verdict", x.verdict().name());
            });
    out.put("at", target.clock().instant().toString());
    return ok(out);
  }

  private ControlResponse endpoints() {
    ObjectNode out = ControlJson.object();
    ObjectNode list = out.putObject("endpoints");
    new java.util.TreeMap<>(endpoints).forEach(list::put);
    return ok(out);
  }

  private ControlResponse release() {
    Baseline now = target.baselinePolicy().current(target.clock());
    ObjectNode out = ControlJson.object();
    out.put("goLive", "2021-06-24");
    out.put("goLiveInstant", "2021-06-23T23:00:00Z");
    out.put("baseline", now.name());
    out.put("at", target.clock().instant().toString());
    ArrayNode list = out.putArray("modifications");
    for (Modification m : Modification.values()) {
      list.addObject()
          .put("id", m.id())
          .put("title", m.title())
          .put("inForce", now.isInForce(m))
          .put("before", m.before())
          .put("after", m.after());
    }
    return ok(out);
  }

  private ControlResponse certificates(Map<String, String> query) {
    CertificateRepository repo =
        certificates.orElseThrow(
            () -> new IllegalArgumentException("this simulator's console has no SMKI repository"));
    CertificateQuery q = CertificateQuery.all().withLimit(100);
    for (Map.Entry<String, String> p : query.entrySet()) {
      switch (p.getKey()) {
        case "status" -> {
          try {
            q =
                q.withStatus(
                    CertificateStatus.valueOf(p.getValue().strip().toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "'status' is one of " + List.of(CertificateStatus.values()));
          }
        }
        case "limit" -> {
          int n;
          try {
            n = Integer.parseInt(p.getValue().strip());
          } catch (NumberFormatException e) {
            n = -1;
          }
          if (n < 1 || n > MAX_CERTIFICATES) {
            throw new IllegalArgumentException("'limit' is 1.." + MAX_CERTIFICATES);
          }
          q = q.withLimit(n);
        }
        default ->
            throw new IllegalArgumentException(
                "'" + p.getKey() + "' is not a parameter; known: [status, limit]");
      }
    }
    List<CertificateRecord> found = repo.search(q);
    ObjectNode out = ControlJson.object();
    out.put("count", repo.count());
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (CertificateStatus s : CertificateStatus.values()) {
      byStatus.put(s.name(), repo.count(s));
    }
    ObjectNode statuses = out.putObject("byStatus");
    byStatus.forEach(statuses::put);
    ArrayNode list = out.putArray("certificates");
    for (CertificateRecord r : found) {
      ObjectNode o = list.addObject();
      o.put("serial", r.serialHex());
      o.put("issuer", r.issuer());
      o.put("kind", r.kind().name());
      r.subjectEui().ifPresent(v -> o.put("subject", v.toString()));
      r.subjectAltNameEui().ifPresent(v -> o.put("subjectAltName", v.toString()));
      r.role().ifPresent(v -> o.put("role", v.gbcsName()));
      o.put("usage", r.usage().name());
      o.put("status", r.status().name());
      o.put("statusChangedAt", r.statusChangedAt().toString());
    }
    return ok(out);
  }

  private static Eui64 eui(String text, String what) {
    try {
      return Eui64.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is an EUI-64 such as 90-B3-D5-1F-30-01-00-00");
    }
  }

  private static ControlResponse ok(JsonNode body) {
    return new ControlResponse(200, JSON, Map.of(), write(body));
  }

  private static ControlResponse error(int status, String error, String detail) {
    return new ControlResponse(status, JSON, Map.of(), write(ControlJson.error(error, detail)));
  }

  private static byte[] write(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a {@link Console}. */
  public static final class Builder {
    private final ControlledSimulator target;
    private ConsoleSender sender;
    private SignatureCheck signatures;
    private CertificateRepository certificates;
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private Clock realClock = Clock.systemUTC();

    private Builder(ControlledSimulator target) {
      this.target = Objects.requireNonNull(target, "target");
    }

    /** Lets the send page sign and send requests through {@code value}. */
    public Builder sender(ConsoleSender value) {
      this.sender = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Checks journalled requests' signatures step by step with {@code value}. */
    public Builder signatures(SignatureCheck value) {
      this.signatures = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Lists the certificates of {@code value} on the SMKI page. */
    public Builder certificates(CertificateRepository value) {
      this.certificates = Objects.requireNonNull(value, "value");
      return this;
    }

    /** Shows an endpoint on the overview, e.g. {@code ("duis", "http://127.0.0.1:8079")}. */
    public Builder endpoint(String name, String url) {
      endpoints.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(url, "url"));
      return this;
    }

    /** The real clock sessions expire by (default: the system's). */
    public Builder realClock(Clock value) {
      this.realClock = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The console. */
    public Console build() {
      return new Console(this);
    }
  }
}
