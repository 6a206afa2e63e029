package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.xml.Mangling;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.xml.crypto.dsig.XMLSignature;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Signed SR 12.1 requests, each mangled in one way (a byte changed, cut short, a stretch deleted or
 * repeated, a hostile fragment inserted), posted over HTTP. Every one gets a clear answer: HTTP 400
 * for what is no longer a DUIS request, or a signed DUIS response; never a server failure or a
 * stack trace, and every request is reported as exactly one exchange.
 */
class MangledRequestPropertiesTest {
  private static final Instant AFTER_GO_LIVE = Instant.parse("2021-07-01T09:00:00Z");
  private static final Set<Verdict> SIGNED_ANSWERS =
      EnumSet.of(
          Verdict.ANSWERED,
          Verdict.REFUSED_AUTHENTICATION,
          Verdict.REFUSED_AUTHORISATION,
          Verdict.NOT_SIMULATED);

  private static Simulator dcc;
  private static SupplierClient supplier;
  private static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private static String codeForAGoodRequest;

  @BeforeContainer
  static void start() {
    Init.init();
    dcc = Simulator.builder().clock(SimulatedClock.fixed(AFTER_GO_LIVE)).start();
    dcc.addExchangeListener(exchanges::add);
    supplier = SupplierClient.testSupplierOf(dcc);
    codeForAGoodRequest = goodRequestCode();
  }

  private static String goodRequestCode() {
    try {
      return supplier
          .send(supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(9)))
          .header()
          .responseCode()
          .code();
    } catch (Exception e) {
      throw new AssertionError("a good request was not answered", e);
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      // Whatever came before, the server answers a good request as it did at the start.
      assertThat(goodRequestCode()).isEqualTo(codeForAGoodRequest).isNotEqualTo("E1");
    } finally {
      dcc.close();
    }
  }

  /**
   * What a request's signature vouches for, by an independent implementation (Apache Santuario):
   * the exclusive canonical form (without comments) of the document without its signature, and of
   * the signed info; the signature value; and the signer named in the key info.
   */
  private static String signedMeaning(byte[] request) throws Exception {
    Document d = SecureXml.withDefaults().parse(request);
    Element signature = only(d, "Signature");
    Canonicalizer c14n = Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    ByteArrayOutputStream signedInfo = new ByteArrayOutputStream();
    c14n.canonicalizeSubtree(only(d, "SignedInfo"), signedInfo);
    String value = only(d, "SignatureValue").getTextContent().replaceAll("\\s", "");
    String signer =
        only(d, "X509IssuerName").getTextContent()
            + "/"
            + only(d, "X509SerialNumber").getTextContent();
    signature.getParentNode().removeChild(signature);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    c14n.canonicalizeSubtree(d, content);
    return content.toString(StandardCharsets.UTF_8)
        + "\n"
        + signedInfo.toString(StandardCharsets.UTF_8)
        + "\n"
        + value
        + "\n"
        + signer;
  }

  private static Element only(Document d, String localName) {
    NodeList found = d.getElementsByTagNameNS(XMLSignature.XMLNS, localName);
    assertThat(found.getLength()).as(localName).isEqualTo(1);
    return (Element) found.item(0);
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(Mangling.XML_FRAGMENTS, 200);
  }

  @Property(tries = 500)
  void everyMangledRequestGetsAClearAnswerAndOneExchange(@ForAll("manglings") Mangling mangling)
      throws Exception {
    byte[] good = supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(9));
    byte[] bad = mangling.apply(good);
    int before = exchanges.size();

    HttpResponse<byte[]> response = supplier.post("/api/v1/serviceD", bad);

    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isIn(200, 400);
    assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.");
    await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .atMost(Duration.ofSeconds(10))
        .until(() -> exchanges.size() > before);
    assertThat(exchanges).hasSize(before + 1);
    Exchange exchange = exchanges.get(before);
    assertThat(exchange.httpStatus()).isEqualTo(response.statusCode());
    if (response.statusCode() == 400) {
      assertThat(exchange.verdict()).isEqualTo(Verdict.REFUSED_MALFORMED);
      assertThat(exchange.reason()).isNotBlank();
    } else {
      // A signed DUIS response that verifies against the DCC's certificate, with the code the
      // exchange reports.
      ServiceResponse answer = supplier.verifyAndRead(response.body());
      assertThat(exchange.verdict()).isIn(SIGNED_ANSWERS);
      assertThat(exchange.responseCode()).contains(answer.header().responseCode().code());
      if (exchange.verdict() == Verdict.ANSWERED) {
        // Passed the signature check, so it still says what was signed: a comment, a namespace
        // declaration nothing uses, or a processing instruction inside the signature value does
        // not change that.
        assertThat(signedMeaning(bad)).isEqualTo(signedMeaning(good)).contains("<sr:RequestID>");
      }
    }
  }

  /**
   * Four clients at once, fifty mangled requests each (drawn from a fixed seed): every request is
   * answered, reported as exactly one exchange and counted exactly once in the metrics, and none is
   * a server failure. Interleaved counters from one originator may be answered E1: that is the
   * replay rule, not a loss.
   */
  @Example
  void concurrentMangledRequestsAreEachAnsweredReportedAndCountedOnce() throws Exception {
    int clients = 4;
    int each = 50;
    int before = exchanges.size();
    double countedBefore = requestsCounted();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        Random random = new Random(20210624L + c);
        results.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    byte[] good = supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(9));
                    statuses.add(
                        supplier
                            .post("/api/v1/serviceD", randomMangling(random).apply(good))
                            .statusCode());
                  }
                  return statuses;
                }));
      }
      for (Future<List<Integer>> r : results) {
        assertThat(r.get(2, TimeUnit.MINUTES)).hasSize(each).allMatch(s -> s == 200 || s == 400);
      }
    } finally {
      pool.shutdownNow();
    }
    int total = clients * each;
    await().atMost(Duration.ofSeconds(10)).until(() -> exchanges.size() >= before + total);
    assertThat(exchanges).hasSize(before + total);
    assertThat(exchanges.subList(before, before + total))
        .noneMatch(e -> e.verdict() == Verdict.FAILED);
    assertThat(requestsCounted() - countedBefore).isEqualTo(total);
  }

  private static Mangling randomMangling(Random random) {
    return new Mangling(
        Mangling.Kind.values()[random.nextInt(Mangling.Kind.values().length)],
        random.nextDouble(),
        1 + random.nextInt(200),
        1 + random.nextInt(255),
        Mangling.XML_FRAGMENTS.get(random.nextInt(Mangling.XML_FRAGMENTS.size())));
  }

  /** The sum of the simulator's {@code dccsim_requests_total} series. */
  private static double requestsCounted() {
    return dcc.metrics()
        .scrape()
        .lines()
        .filter(l -> l.startsWith("dccsim_requests_total{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
