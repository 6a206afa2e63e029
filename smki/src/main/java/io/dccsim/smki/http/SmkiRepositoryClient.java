package io.dccsim.smki.http;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A client of the SMKI Repository's HTTP interface ({@link SmkiRepositoryServer}, or any server
 * speaking the same interface): certificate search by organisation or device EUI, and retrieval by
 * serial. What a User's adapter does to find a device's Key Agreement certificate before it checks
 * the device's MAC:
 *
 * <pre>{@code
 * SmkiRepositoryClient smki = SmkiRepositoryClient.of(URI.create("http://127.0.0.1:8083"));
 * X509Certificate ka = smki.deviceCertificate(meter, CertificateUsage.KA).orElseThrow();
 * }</pre>
 *
 * <p>Plain HTTP only; answers are parsed with the project's hardened XML parser. Thread-safe.
 */
public final class SmkiRepositoryClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int NOTHING_FOUND = 402;

  private final URI base;
  private final HttpClient http;
  private final SecureXml xml = SecureXml.withDefaults();

  /**
   * One search result.
   *
   * @param serialHex the certificate's serial, upper-case hex
   * @param usage DS or KA
   * @param status the repository status
   * @param role the remote party role's decimal code; absent for a device certificate
   */
  public record Result(
      String serialHex, CertificateUsage usage, CertificateStatus status, OptionalInt role) {
    /** Checks that nothing is missing. */
    public Result {
      Objects.requireNonNull(serialHex, "serialHex");
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(role, "role");
    }
  }

  private SmkiRepositoryClient(URI base) {
    this.base = Objects.requireNonNull(base, "base");
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** A client of the interface at {@code base}, e.g. {@code http://127.0.0.1:8083}. */
  public static SmkiRepositoryClient of(URI base) {
    return new SmkiRepositoryClient(base);
  }

  /** The certificates of the device {@code eui} (a search by {@code CertificateSubjectAltName}). */
  public List<Result> searchDevice(Eui64 eui) {
    return search("CertificateSubjectAltName", eui);
  }

  /**
   * The certificates of the organisation {@code eui} (a search by {@code CertificateSubjectName}).
   */
  public List<Result> searchOrganisation(Eui64 eui) {
    return search("CertificateSubjectName", eui);
  }

  /**
   * The certificate with this serial.
   *
   * @throws SmkiClientException when there is none or the answer is not a certificate
   */
  public X509Certificate retrieve(String serialHex) {
    Document d =
        post(
            RepositoryPaths.RETRIEVE,
            "<CertificateDataRequest><CertificateSerial>"
                + serialHex.replaceAll("[^0-9A-Fa-f]", "")
                + "</CertificateSerial></CertificateDataRequest>");
    if (d == null) {
      throw new SmkiClientException("no certificate with serial " + serialHex);
    }
    String body = text(d.getDocumentElement(), "CertificateBody");
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(body)));
    } catch (CertificateException | IllegalArgumentException e) {
      throw new SmkiClientException(
          "certificate " + serialHex + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * The device's certificate of this usage in use ({@code I}), if it has one: a search, then the
   * retrieval of the first such result.
   */
  public Optional<X509Certificate> deviceCertificate(Eui64 device, CertificateUsage usage) {
    return searchDevice(device).stream()
        .filter(r -> r.usage() == usage && r.status() == CertificateStatus.IN_USE)
        .findFirst()
        .map(r -> retrieve(r.serialHex()));
  }

  private List<Result> search(String element, Eui64 eui) {
    Document d =
        post(
            RepositoryPaths.SEARCH,
            "<CertificateSearchRequest><"
                + element
                + ">"
                + eui
                + "</"
                + element
                + "></CertificateSearchRequest>");
    List<Result> out = new ArrayList<>();
    if (d == null) {
      return out;
    }
    NodeList results = d.getDocumentElement().getElementsByTagName("Result");
    for (int i = 0; i < results.getLength(); i++) {
      Element r = (Element) results.item(i);
      String role = optionalText(r, "CertificateRole");
      try {
        out.add(
            new Result(
                text(r, "CertificateSerial").toUpperCase(Locale.ROOT),
                CertificateUsage.valueOf(text(r, "CertificateUsage")),
                CertificateStatus.fromCode(text(r, "CertificateStatus").charAt(0)),
                role == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(role))));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new SmkiClientException("a search result cannot be read: " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /** The answer's document, or null when the repository found nothing (402). */
  private Document post(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SmkiClientException(
          "the SMKI repository at " + base + " cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmkiClientException("interrupted while asking the SMKI repository");
    }
    if (answer.statusCode() == NOTHING_FOUND) {
      return null;
    }
    if (answer.statusCode() != 200) {
      throw new SmkiClientException("the SMKI repository answered HTTP " + answer.statusCode());
    }
    try {
      return xml.parse(answer.body());
    } catch (RuntimeException e) {
      throw new SmkiClientException("the SMKI repository's answer is not XML: " + e.getMessage());
    }
  }

  private static String text(Element parent, String name) {
    String t = optionalText(parent, name);
    if (t == null) {
      throw new SmkiClientException("the SMKI repository's answer has no " + name);
    }
    return t;
  }

  private static String optionalText(Element parent, String name) {
    NodeList found = parent.getElementsByTagName(name);
    if (found.getLength() == 0) {
      return null;
    }
    Node n = found.item(0);
    return n.getTextContent().trim();
  }

  /** The SMKI client's failures: unreachable, an unexpected status, an unreadable answer. */
  public static final class SmkiClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SmkiClientException(String message) {
      super(message);
    }
  }

  /** The interface's paths. */
  private static final class RepositoryPaths {
    static final String SEARCH = "/services/certificatesearch";
    static final String RETRIEVE = "/services/retrievecertificate";

    private RepositoryPaths() {}
  }
}
