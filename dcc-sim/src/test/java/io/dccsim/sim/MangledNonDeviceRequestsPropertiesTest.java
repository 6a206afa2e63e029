package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.Mangling;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.pipeline.Duis;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.w3c.dom.Element;

/**
 * Each of the sixteen non-device request bodies, mangled (a byte changed, cut, a stretch deleted or
 * repeated, a hostile fragment inserted) and then signed, so that the mangled body reaches the
 * schema and the handler: every request gets HTTP 400 or a signed answer that validates under the
 * schema, never a server failure or a stack trace.
 */
class MangledNonDeviceRequestsPropertiesTest {
  private static final String SR = "xmlns:sr=\"" + Duis.NS + "\"";
  private static Simulator dcc;
  private static SupplierClient supplier;
  // how many mangled bodies were still XML, so were signed and sent, and how many were answered
  private static final java.util.concurrent.atomic.AtomicInteger SENT =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger ANSWERED =
      new java.util.concurrent.atomic.AtomicInteger();

  @BeforeContainer
  static void start() {
    dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .start();
    supplier = SupplierClient.testSupplierOf(dcc);
  }

  @AfterContainer
  static void stop() {
    try {
      // the property is only worth its tries when many mangled bodies reach the handlers
      System.out.println(
          "mangled bodies sent: " + SENT.get() + ", answered 200: " + ANSWERED.get());
      assertThat(SENT.get()).isGreaterThan(400);
      assertThat(ANSWERED.get()).isGreaterThan(40);
    } finally {
      dcc.close();
    }
  }

  @Provide
  Arbitrary<String> variants() {
    return Arbitraries.of(List.copyOf(NonDeviceBodies.BODIES.keySet()));
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(Mangling.XML_FRAGMENTS, 60);
  }

  /** A change that keeps the body well-formed: to one element, chosen by its document order. */
  record Mutation(Op op, int at, String value) {
    enum Op {
      SET_TEXT,
      REMOVE,
      DUPLICATE,
      RENAME,
      INSERT_UNKNOWN,
      MOVE_LAST
    }

    Element applyTo(Element body) {
      List<Element> all = new java.util.ArrayList<>();
      collect(body, all);
      Element e = all.get(Math.floorMod(at, all.size()));
      org.w3c.dom.Node parent = e.getParentNode();
      switch (op) {
        case SET_TEXT -> e.setTextContent(value);
        case REMOVE -> {
          if (parent instanceof Element) {
            parent.removeChild(e);
          } else {
            e.setTextContent("");
          }
        }
        case DUPLICATE -> {
          if (parent instanceof Element) {
            parent.insertBefore(e.cloneNode(true), e);
          }
        }
        case RENAME ->
            e.getOwnerDocument()
                .renameNode(e, Duis.NS, "sr:" + value.replaceAll("[^A-Za-z]", "") + "X");
        case INSERT_UNKNOWN ->
            e.appendChild(e.getOwnerDocument().createElementNS(Duis.NS, "sr:Unexpected"));
        case MOVE_LAST -> {
          if (parent instanceof Element) {
            parent.appendChild(e);
          }
        }
      }
      return body;
    }

    private static void collect(Element e, List<Element> out) {
      out.add(e);
      for (Element c : Duis.children(e)) {
        collect(c, out);
      }
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                " ",
                "0",
                "-1",
                "99999999999999999999",
                "00-00-00-00-00-00-00-00",
                "2021-02-30",
                "true",
                "ESME",
                "CHF",
                "Pending",
                "4.6.1",
                "12.2",
                "ZZ",
                "1312345678111",
                "\u00e9\u00e9",
                "<x/>",
                "AAAA"),
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(14));
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(Mutation.Op.class), Arbitraries.integers().between(0, 40), values)
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  @Property(tries = 600)
  void aBodyChangedInShapeOrValueGetsA400OrASignedValidAnswer(
      @ForAll("variants") String srv, @ForAll("mutations") List<Mutation> changes)
      throws Exception {
    Element element =
        SecureXml.withDefaults()
            .parse(
                NonDeviceBodies.BODIES
                    .get(srv)
                    .replaceFirst(">", " " + SR + ">")
                    .getBytes(StandardCharsets.UTF_8))
            .getDocumentElement();
    for (Mutation m : changes) {
      element = m.applyTo(element);
    }
    sendAndCheck(srv, element);
  }

  @Property(tries = 400)
  void aMangledBodyGetsA400OrASignedValidAnswer(
      @ForAll("variants") String srv, @ForAll("manglings") Mangling mangling) throws Exception {
    String body = mangling.apply(NonDeviceBodies.BODIES.get(srv).replaceFirst(">", " " + SR + ">"));
    Element element;
    try {
      element =
          SecureXml.withDefaults()
              .parse(body.getBytes(StandardCharsets.UTF_8))
              .getDocumentElement();
    } catch (RuntimeException e) {
      return; // no longer XML, so it cannot be signed as a body: the envelope tests cover that
    }
    sendAndCheck(srv, element);
  }

  private static void sendAndCheck(String srv, Element element) throws Exception {
    byte[] request =
        supplier.signed(
            SchemaVersion.V5_4,
            supplier.nextId(),
            CommandVariant.NON_DEVICE,
            ServiceReferenceVariant.parse(srv),
            RawRequestBody.of(element));
    SENT.incrementAndGet();
    HttpResponse<byte[]> response = supplier.post("/api/v1/serviceD", request);
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(srv + ": " + text).isIn(200, 400);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    if (response.statusCode() == 200) {
      ANSWERED.incrementAndGet();
      ServiceResponse answer = supplier.verifyAndRead(response.body());
      DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(response.body()));
      assertThat(answer.header().responseCode().code()).isNotEqualTo("E1");
    }
  }

  @Property(tries = 16)
  void everyUnmangledBodyIsAnsweredWithASignedValidAnswer(@ForAll("variants") String srv)
      throws Exception {
    Element element =
        SecureXml.withDefaults()
            .parse(
                NonDeviceBodies.BODIES
                    .get(srv)
                    .replaceFirst(">", " " + SR + ">")
                    .getBytes(StandardCharsets.UTF_8))
            .getDocumentElement();
    ServiceResponse answer =
        supplier.send(
            supplier.signed(
                SchemaVersion.V5_4,
                supplier.nextId(),
                CommandVariant.NON_DEVICE,
                ServiceReferenceVariant.parse(srv),
                RawRequestBody.of(element)));
    // I0 or the SR's own code: never a common refusal
    assertThat(answer.header().responseCode().code()).as(srv).matches("I0|[WE]\\d{6}");
  }
}
