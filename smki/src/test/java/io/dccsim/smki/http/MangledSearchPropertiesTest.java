package io.dccsim.smki.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.xml.Mangling;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Search and retrieve requests, each mangled in one way, posted to the repository interface: each
 * gets one of the interface's answers (200, 401 invalid parameters, 402 nothing found), a short
 * body without a stack trace, results only from the repository, and nothing logged as a server
 * fault.
 */
class MangledSearchPropertiesTest {
  private static final Charset UTF8 = StandardCharsets.UTF_8;
  private static final Eui64 SUPPLIER = SmkiRepositoryServerTest.SUPPLIER;
  private static final Eui64 METER = SmkiRepositoryServerTest.METER;
  private static final Set<String> SERIALS = Set.of("ABCDEF01", "2002", "3003");
  private static final Pattern SERIAL = Pattern.compile("<CertificateSerial>([^<]*)<");
  private static final List<String> GOOD =
      List.of(
          "<CertificateSearchRequest><CertificateSubjectName>"
              + SUPPLIER
              + "</CertificateSubjectName></CertificateSearchRequest>",
          "<s:CertificateSearchRequest xmlns:s=\"urn:x\"><s:CertificateSubjectAltName>"
              + METER
              + "</s:CertificateSubjectAltName></s:CertificateSearchRequest>",
          "<CertificateDataRequest><CertificateSerial>abcdef01</CertificateSerial>"
              + "</CertificateDataRequest>");
  private static final List<String> FRAGMENTS =
      Stream.concat(
              Mangling.XML_FRAGMENTS.stream(),
              Stream.of("<CertificateSubjectName>" + SUPPLIER + "</CertificateSubjectName>", "-"))
          .toList();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static SmkiRepositoryServer server;

  @BeforeContainer
  static void start() {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    repo.add(SmkiRepositoryServerTest.supplierXmlSign());
    repo.add(SmkiRepositoryServerTest.supplierPendingKeyAgreement());
    repo.add(SmkiRepositoryServerTest.meterKeyAgreement());
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
    LOGS.start();
    server = SmkiRepositoryServer.builder(repo).port(0).maxBodyBytes(4096).start();
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      // Whatever came before, a good search still finds both of the supplier's certificates.
      HttpResponse<String> r = post("/services/certificatesearch", GOOD.get(0).getBytes(UTF8));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(serials(r.body())).containsExactlyInAnyOrder("ABCDEF01", "2002");
    } finally {
      server.close();
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }
    assertThat(LOGS.list)
        .as("nothing logged at WARN or ERROR for a client's mistakes")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
  }

  private static HttpResponse<String> post(String path, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", "application/xml")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> serials(String body) {
    Matcher m = SERIAL.matcher(body);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** Which good request, and how it is mangled. */
  record Mangled(int which, Mangling mangling) {
    byte[] bytes() {
      return mangling.apply(GOOD.get(which).getBytes(UTF8));
    }

    String path() {
      return which == 2 ? "/services/retrievecertificate" : "/services/certificatesearch";
    }
  }

  @Provide
  Arbitrary<Mangled> mangled() {
    return Combinators.combine(
            Arbitraries.integers().between(0, GOOD.size() - 1), Mangling.arbitrary(FRAGMENTS, 40))
        .as(Mangled::new);
  }

  @Property(tries = 400)
  void everyMangledRequestGetsOneOfTheInterfacesAnswers(@ForAll("mangled") Mangled m)
      throws Exception {
    HttpResponse<String> r = post(m.path(), m.bytes());

    assertThat(r.statusCode()).as(r.body()).isIn(200, 401, 402);
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("root:");
    if (r.statusCode() == 200) {
      assertThat(serials(r.body())).isNotEmpty().allMatch(SERIALS::contains);
    } else {
      assertThat(r.body()).hasSizeLessThan(300);
    }
  }
}
