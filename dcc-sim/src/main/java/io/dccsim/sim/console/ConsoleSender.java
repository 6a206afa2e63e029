package io.dccsim.sim.console;

import io.dccsim.core.client.DuisTransport;
import io.dccsim.core.client.DuisTransportException;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.client.TransportResponse;
import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.codec.DuisXml;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.signature.DuisSignatureProfile;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.core.wan.WanVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlRejectedException;
import io.dccsim.sim.control.UserCredentials;
import io.dccsim.smki.pki.Credential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signs a Service Request as one of the simulator's test Users and posts it to the simulator's DUIS
 * endpoint, for the console's "send" page: the person pastes or fills the request; the sender sets
 * its RequestID (that User, the target given, a fresh counter), signs it with the User's test key,
 * and hands back what was sent and what came back, as any DUIS client would see it.
 */
public final class ConsoleSender {
  private final UserCredentials credentials;
  private final DuisTransport transport;
  private final Eui64 dcc;
  private final Supplier<BaselinePolicy> baseline;
  private final Clock clock;
  private final RequestCounter counter = RequestCounter.fromClock(Clock.systemUTC());
  private final SecureXml xml = SecureXml.withDefaults();
  private final DuisCodec codec = new DuisCodec();

  /**
   * A sender signing with {@code credentials}, posting through {@code transport} (pointed at the
   * simulator's DUIS endpoint), reading SR 12.1 answers under {@code baseline} at {@code clock}.
   */
  public ConsoleSender(
      UserCredentials credentials,
      DuisTransport transport,
      Eui64 dcc,
      Supplier<BaselinePolicy> baseline,
      Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.dcc = Objects.requireNonNull(dcc, "dcc");
    this.baseline = Objects.requireNonNull(baseline, "baseline");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * What was sent and what came back.
   *
   * @param requestId the RequestID the request was sent with
   * @param path the web service it was posted to
   * @param request the signed request
   * @param status the HTTP status of the answer
   * @param response the answer's body
   * @param wanTechnologies the {@code WANTechnology} values of an SR 12.1 answer and what each
   *     means under the baseline in force now (MP106)
   */
  public record Sent(
      RequestId requestId,
      String path,
      String request,
      int status,
      String response,
      List<Meaning> wanTechnologies) {}

  /**
   * One {@code WANTechnology} of an answer, read under the baseline in force.
   *
   * @param sent the text as sent
   * @param kind {@code KNOWN}, {@code UNKNOWN} or {@code UNSPECIFIED}
   * @param baseline the baseline it was read under
   */
  public record Meaning(String sent, WanVariant.Kind kind, String baseline) {}

  /**
   * Signs {@code requestXml} as {@code user} and posts it.
   *
   * @param target the RequestID's target; empty: the one the request names, else the DCC
   * @throws IllegalArgumentException when the User has no test key here, or the XML is not a DUIS
   *     request this can sign
   * @throws DuisTransportException when the simulator did not answer
   */
  public Sent send(Eui64 user, String requestXml, Optional<Eui64> target) {
    Credential credential =
        credentials
            .of(user)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the simulator holds no test key for User " + user));
    Document document;
    try {
      document = xml.parse(requestXml.getBytes(StandardCharsets.UTF_8));
    } catch (XmlRejectedException e) {
      throw new IllegalArgumentException("the request is not acceptable XML: " + firstLine(e));
    }
    Element root = document.getDocumentElement();
    if (!DuisXml.NAMESPACE.equals(root.getNamespaceURI())
        || !"Request".equals(root.getLocalName())) {
      throw new IllegalArgumentException(
          "the root element is not sr:Request in " + DuisXml.NAMESPACE);
    }
    // An old signature goes: the request is signed afresh.
    for (Node n = root.getFirstChild(); n != null; ) {
      Node next = n.getNextSibling();
      if (n instanceof Element e
          && DuisSignatureProfile.DSIG_NS.equals(e.getNamespaceURI())
          && "Signature".equals(e.getLocalName())) {
        root.removeChild(n);
      }
      n = next;
    }
    Element idElement =
        only(root, "RequestID")
            .orElseThrow(() -> new IllegalArgumentException("the request has no sr:RequestID"));
    Eui64 to = target.orElseGet(() -> namedTarget(idElement.getTextContent()).orElse(dcc));
    RequestId id = new RequestId(user, to, counter.next());
    idElement.setTextContent(id.toString());
    String path =
        only(root, "CommandVariant")
            .map(e -> e.getTextContent().strip())
            .map(
                t -> {
                  try {
                    return CommandVariant.parse(t).webService().path();
                  } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                        "sr:CommandVariant is not a DUIS command variant: " + t);
                  }
                })
            .orElseThrow(
                () -> new IllegalArgumentException("the request has no sr:CommandVariant"));
    new DuisSigner(SigningCredential.of(credential.privateKey(), credential.certificate()))
        .sign(document);
    byte[] bytes = codec.toBytes(document);
    TransportResponse answer = transport.post(path, bytes);
    String body = new String(answer.body(), StandardCharsets.UTF_8);
    return new Sent(
        id,
        path,
        new String(bytes, StandardCharsets.UTF_8),
        answer.status(),
        body,
        meanings(answer.body()));
  }

  private List<Meaning> meanings(byte[] answer) {
    List<Meaning> out = new ArrayList<>();
    Document d;
    try {
      d = xml.parse(answer);
    } catch (XmlRejectedException e) {
      return out;
    }
    BaselinePolicy policy = baseline.get();
    NodeList list = d.getElementsByTagNameNS(DuisXml.NAMESPACE, "WANTechnology");
    for (int i = 0; i < list.getLength() && i < 100; i++) {
      String text = list.item(i).getTextContent();
      try {
        WanVariant v = WanTechnology.of(text).interpret(policy, clock);
        out.add(new Meaning(text, v.kind(), policy.current(clock).name()));
      } catch (IllegalArgumentException e) {
        // not a WAN technology the client would read: left out
      }
    }
    return out;
  }

  private static Optional<Eui64> namedTarget(String requestId) {
    try {
      return Optional.of(RequestId.parse(requestId.strip()).target());
    } catch (IllegalArgumentException e) {
      String[] parts = requestId.strip().split(":");
      if (parts.length >= 2) {
        try {
          return Optional.of(Eui64.parse(parts[1]));
        } catch (IllegalArgumentException ignored) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
  }

  private static Optional<Element> only(Element root, String localName) {
    NodeList list = root.getElementsByTagNameNS(DuisXml.NAMESPACE, localName);
    return list.getLength() == 0 ? Optional.empty() : Optional.of((Element) list.item(0));
  }

  private static String firstLine(RuntimeException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
