package io.dccsim.smki.extract.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.extract.ExtractException;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The byte-level layout of an extract file (documented in docs/smki-extracts.md). */
public final class ExtractCodec {
  /** The first eight bytes of every extract file; the digit is the format version. */
  public static final byte[] MAGIC = "DCCSMKX1".getBytes(StandardCharsets.US_ASCII);

  /** The last eight bytes of every complete extract file. */
  public static final byte[] END_MAGIC = "SMKXEND\n".getBytes(StandardCharsets.US_ASCII);

  /** Marks an entry. */
  public static final int ENTRY_TAG = 0x01;

  /** Marks the end of the entries, the last byte of the content. */
  public static final int END_TAG = 0x00;

  /** Largest header or trailer accepted. */
  public static final int MAX_JSON = 64 * 1024;

  /** Largest entry accepted. */
  public static final int MAX_ENTRY = 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int HAS_SUBJECT = 1;
  private static final int HAS_ALT_NAME = 2;
  private static final int HAS_ROLE = 4;

  private ExtractCodec() {}

  /** Encodes one record as an entry body into {@code buf} (cleared first) and flips it. */
  public static ByteBuffer encodeEntry(CertificateRecord r, ByteBuffer buf) {
    byte[] serial = r.serial().toByteArray();
    byte[] issuer = r.issuer().getBytes(StandardCharsets.UTF_8);
    byte[] der = r.der();
    int size = 4 + 1 + 16 + 1 + 12 + 2 + serial.length + 2 + issuer.length + 4 + der.length;
    if (size > MAX_ENTRY || issuer.length > 0xFFFF || serial.length > 0xFFFF) {
      throw new ExtractException("Certificate " + r.serialHex() + " is too large for an entry");
    }
    ByteBuffer out =
        buf.capacity() < size ? ByteBuffer.allocate(Math.max(size, buf.capacity() * 2)) : buf;
    out.clear();
    out.put((byte) kindCode(r.kind()));
    out.put((byte) (r.usage() == CertificateUsage.DS ? 'D' : 'K'));
    out.put((byte) (r.usage() == CertificateUsage.DS ? 'S' : 'A'));
    out.put((byte) r.status().code());
    int flags =
        (r.subjectEui().isPresent() ? HAS_SUBJECT : 0)
            | (r.subjectAltNameEui().isPresent() ? HAS_ALT_NAME : 0)
            | (r.role().isPresent() ? HAS_ROLE : 0);
    out.put((byte) flags);
    r.subjectEui().ifPresent(e -> out.putLong(e.value()));
    r.subjectAltNameEui().ifPresent(e -> out.putLong(e.value()));
    r.role().ifPresent(role -> out.put((byte) role.code()));
    out.putLong(r.statusChangedAt().getEpochSecond());
    out.putInt(r.statusChangedAt().getNano());
    out.putShort((short) serial.length);
    out.put(serial);
    out.putShort((short) issuer.length);
    out.put(issuer);
    out.putInt(der.length);
    out.put(der);
    out.flip();
    return out;
  }

  /** Decodes an entry body. */
  public static CertificateRecord decodeEntry(byte[] entry) {
    try {
      ByteBuffer b = ByteBuffer.wrap(entry);
      CertificateKind kind = kindOf(b.get());
      char u1 = (char) b.get();
      char u2 = (char) b.get();
      CertificateUsage usage = CertificateUsage.valueOf("" + u1 + u2);
      CertificateStatus status = CertificateStatus.fromCode((char) b.get());
      int flags = b.get();
      Optional<Eui64> subject =
          (flags & HAS_SUBJECT) != 0 ? Optional.of(Eui64.of(b.getLong())) : Optional.empty();
      Optional<Eui64> altName =
          (flags & HAS_ALT_NAME) != 0 ? Optional.of(Eui64.of(b.getLong())) : Optional.empty();
      Optional<RemotePartyRole> role = Optional.empty();
      if ((flags & HAS_ROLE) != 0) {
        int code = b.get() & 0xFF;
        role =
            Optional.of(
                RemotePartyRole.fromCode(code)
                    .orElseThrow(() -> new IllegalArgumentException("unknown role " + code)));
      }
      Instant changedAt = Instant.ofEpochSecond(b.getLong(), b.getInt());
      byte[] serial = new byte[b.getShort() & 0xFFFF];
      b.get(serial);
      byte[] issuer = new byte[b.getShort() & 0xFFFF];
      b.get(issuer);
      int derLength = b.getInt();
      if (derLength < 0 || derLength > b.remaining()) {
        throw new IllegalArgumentException("DER length " + derLength + " overruns the entry");
      }
      byte[] der = new byte[derLength];
      b.get(der);
      return new CertificateRecord(
          new BigInteger(serial),
          new String(issuer, StandardCharsets.UTF_8),
          kind,
          subject,
          altName,
          role,
          usage,
          status,
          changedAt,
          der);
    } catch (RuntimeException e) {
      throw new ExtractException("Malformed entry: " + e.getMessage(), e);
    }
  }

  private static int kindCode(CertificateKind k) {
    return switch (k) {
      case AUTHORITY -> 'A';
      case ORGANISATION -> 'O';
      case DEVICE -> 'D';
    };
  }

  private static CertificateKind kindOf(byte code) {
    return switch (code) {
      case 'A' -> CertificateKind.AUTHORITY;
      case 'O' -> CertificateKind.ORGANISATION;
      case 'D' -> CertificateKind.DEVICE;
      default -> throw new IllegalArgumentException("unknown certificate kind " + code);
    };
  }

  /** The header JSON: every manifest field known before the first entry. */
  public static byte[] headerJson(ExtractManifest m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("format", "dccsim-smki-extract");
    n.put("formatVersion", m.formatVersion());
    n.put("kind", m.kind().name());
    n.put("number", m.number());
    m.basedOnFull().ifPresent(v -> n.put("basedOnFull", v));
    m.previous().ifPresent(v -> n.put("previous", v));
    n.put("fromSequence", m.fromSequence());
    m.scheduledFor().ifPresent(v -> n.put("scheduledFor", v.toString()));
    return bytes(n);
  }

  /** The trailer JSON: counts and the content digest. */
  public static byte[] trailerJson(ExtractManifest m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("toSequence", m.toSequence());
    n.put("cutOff", m.cutOff().toString());
    n.put("entryCount", m.entryCount());
    ObjectNode counts = n.putObject("statusCounts");
    m.statusCounts().forEach((s, c) -> counts.put(String.valueOf(s.code()), c));
    n.put("contentSha256", m.contentSha256());
    return bytes(n);
  }

  /** Rebuilds the manifest from the header and trailer JSON. */
  public static ExtractManifest manifest(byte[] header, byte[] trailer) {
    try {
      JsonNode h = JSON.readTree(header);
      JsonNode t = JSON.readTree(trailer);
      if (!"dccsim-smki-extract".equals(text(h, "format"))) {
        throw new ExtractException("Not an SMKI extract header");
      }
      long version = number(h, "formatVersion");
      if (version != ExtractManifest.FORMAT_VERSION) {
        throw new ExtractException("Unsupported extract format version " + version);
      }
      if (!t.path("statusCounts").isObject()) {
        throw new ExtractException("Extract manifest lacks 'statusCounts'");
      }
      Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
      for (Map.Entry<String, JsonNode> e : t.path("statusCounts").properties()) {
        if (e.getKey().length() != 1) {
          throw new ExtractException("Bad status in trailer: " + e.getKey());
        }
        counts.put(
            CertificateStatus.fromCode(e.getKey().charAt(0)),
            number(t.path("statusCounts"), e.getKey()));
      }
      return new ExtractManifest(
          (int) version,
          ExtractKind.valueOf(text(h, "kind")),
          number(h, "number"),
          optionalLong(h, "basedOnFull"),
          optionalLong(h, "previous"),
          number(h, "fromSequence"),
          number(t, "toSequence"),
          Instant.parse(text(t, "cutOff")),
          h.hasNonNull("scheduledFor")
              ? Optional.of(Instant.parse(text(h, "scheduledFor")))
              : Optional.empty(),
          number(t, "entryCount"),
          counts,
          text(t, "contentSha256"));
    } catch (ExtractException e) {
      throw e;
    } catch (java.io.IOException | RuntimeException e) {
      throw new ExtractException("Malformed extract manifest: " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new ExtractException("Extract manifest lacks '" + field + "'");
    }
    return v.asText();
  }

  private static long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new ExtractException("Extract manifest lacks the number '" + field + "'");
    }
    return v.asLong();
  }

  private static OptionalLong optionalLong(JsonNode n, String field) {
    return n.hasNonNull(field) ? OptionalLong.of(number(n, field)) : OptionalLong.empty();
  }

  private static byte[] bytes(ObjectNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
