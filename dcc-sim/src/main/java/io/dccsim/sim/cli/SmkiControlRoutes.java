package io.dccsim.sim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.sim.control.ControlResponse;
import io.dccsim.sim.control.ControlRoute;
import io.dccsim.smki.crl.RevocationReason;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.repository.CertificateRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API's SMKI routes on the standalone server: the extract calendar and a publication on
 * demand (MP147), revocation and the CRL/ARL it leads to. They extend the control API's route table
 * (see {@link ControlRoute}) because only the standalone server runs a publication.
 */
final class SmkiControlRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(SmkiControlRoutes.class);
  private static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** How many published extracts the calendar lists, newest first. */
  static final int MAX_LISTED = 500;

  private final SmkiPublication publication;
  private final Clock clock;
  private final Optional<URI> smkiBase;

  SmkiControlRoutes(SmkiPublication publication, Clock clock, Optional<URI> smkiBase) {
    this.publication = publication;
    this.clock = clock;
    this.smkiBase = smkiBase;
  }

  /** The routes, under {@code /control/smki}. */
  List<ControlRoute> routes() {
    return List.of(
        ControlRoute.of("GET", "/control/smki/extracts", (p, q, b) -> calendar()),
        ControlRoute.of("POST", "/control/smki/extracts", (p, q, b) -> publish(q, b)),
        ControlRoute.of("GET", "/control/smki/revocation-lists", (p, q, b) -> lists()),
        ControlRoute.of("POST", "/control/smki/revocations", (p, q, b) -> revoke(b)));
  }

  private ControlResponse calendar() {
    Instant now = clock.instant();
    ObjectNode out = MAPPER.createObjectNode();
    out.put("now", now.toString());
    out.put("schedule", publication.spec().describe());
    out.put("regime", publication.schedule().regimeAt(now).name());
    publication
        .schedule()
        .nextAfter(now)
        .ifPresent(
            next -> {
              ObjectNode n = out.putObject("next");
              n.put("kind", next.kind().name());
              n.put("at", next.at().toString());
            });
    out.put("lastPlanned", publication.scheduler().lastPlanned().toString());
    List<ExtractManifest> all = publication.publisher().directory().manifests();
    out.put("published", all.size());
    ArrayNode list = out.putArray("extracts");
    for (int i = all.size() - 1; i >= 0 && list.size() < MAX_LISTED; i--) {
      list.add(summary(all.get(i)));
    }
    return ok(out);
  }

  private ControlResponse publish(Map<String, String> query, byte[] body) {
    String kind = query.getOrDefault("kind", "");
    if (kind.isEmpty() && body.length > 0) {
      kind = read(body).path("kind").asText("");
    }
    ExtractKind k;
    try {
      k = ExtractKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'kind' is FULL or DELTA, not '" + kind + "'");
    }
    ExtractManifest m = publication.scheduler().runNow(k);
    LOG.info("Extract {} published on request of the control API", m.fileName());
    return ok(summary(m));
  }

  private ControlResponse lists() {
    ObjectNode out = MAPPER.createObjectNode();
    out.put("crlNumber", publication.revocation().lastCrlNumber());
    out.put("arlNumber", publication.revocation().lastArlNumber());
    smkiBase.ifPresent(
        base -> {
          out.put("crl", base.resolve("/services/crl").toString());
          out.put("arl", base.resolve("/services/arl").toString());
        });
    return ok(out);
  }

  private ControlResponse revoke(byte[] body) {
    JsonNode in = read(body);
    String serialText = in.path("serial").asText("").strip();
    if (serialText.isEmpty()) {
      throw new IllegalArgumentException("give the certificate's 'serial' (hex, or 0x-prefixed)");
    }
    BigInteger serial;
    try {
      serial =
          new BigInteger(
              serialText.startsWith("0x") || serialText.startsWith("0X")
                  ? serialText.substring(2)
                  : serialText,
              16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'serial' is not hexadecimal: '" + serialText + "'");
    }
    String reasonText = in.path("reason").asText("UNSPECIFIED").strip();
    RevocationReason reason;
    try {
      reason =
          RevocationReason.valueOf(
              reasonText.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'reason' is one of "
              + java.util.Arrays.toString(RevocationReason.values())
              + ", not '"
              + reasonText
              + "'");
    }
    Optional<CertificateRecord> r =
        publication.revocation().revoke(serial, reason, clock.instant());
    if (r.isEmpty()) {
      ObjectNode err = MAPPER.createObjectNode();
      err.put("error", "not-found");
      err.put("detail", "no certificate with serial " + serial.toString(16));
      return new ControlResponse(404, JSON, Map.of(), bytes(err));
    }
    LOG.info("Certificate {} revoked ({}) through the control API", serial.toString(16), reason);
    ObjectNode out = MAPPER.createObjectNode();
    out.put("serial", serial.toString(16));
    out.put("status", r.get().status().name());
    out.put("reason", reason.name());
    out.put("note", "the next CRL or ARL of its issuer lists it (within a second)");
    return ok(out);
  }

  private ObjectNode summary(ExtractManifest m) {
    ObjectNode e = MAPPER.createObjectNode();
    String name = m.fileName().toString();
    e.put("number", m.number());
    e.put("kind", m.kind().name());
    e.put("name", name);
    e.put("cutOff", m.cutOff().toString());
    m.scheduledFor().ifPresent(t -> e.put("scheduledFor", t.toString()));
    e.put("entryCount", m.entryCount());
    e.put("toSequence", m.toSequence());
    try {
      e.put(
          "bytes",
          java.nio.file.Files.size(publication.publisher().directory().file(m.fileName())));
    } catch (java.io.IOException gone) {
      e.putNull("bytes"); // removed by retention since it was listed
    }
    smkiBase.ifPresent(base -> e.put("url", base.resolve("/services/extracts/" + name).toString()));
    return e;
  }

  private static JsonNode read(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("the body is a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
  }

  private static ControlResponse ok(JsonNode n) {
    return new ControlResponse(200, JSON, Map.of(), bytes(n));
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
