package io.dccsim.benchmarks.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.benchmarks.JmhSmoke;
import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.signature.VerifiedSignature;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.xml.SecureXml;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.w3c.dom.Document;

/**
 * A fraction-of-a-second JMH run of {@link DuisCodecBenchmark}, and checks that what it measures is
 * the success path: the request it replays verifies, the responses it builds verify with the DCC's
 * certificate and read back as what was written.
 */
class DuisCodecBenchmarkSmokeTest {
  private final SecureXml xml = SecureXml.withDefaults();
  private final DuisCodec codec = new DuisCodec();

  @Test
  void everyBenchmarkRunsAndScores() throws Exception {
    Collection<RunResult> results = JmhSmoke.run(DuisCodecBenchmark.class);

    List<String> expected = new ArrayList<>();
    for (Method m : DuisCodecBenchmark.class.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        boolean perForm = m.getParameterCount() == 1;
        for (String form : perForm ? List.of("5.1", "5.4") : List.of("")) {
          expected.add(m.getName() + (perForm ? " " + form : ""));
        }
      }
    }
    List<String> scored = new ArrayList<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String form = r.getParams().getParam("schemaVersion");
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      assertThat(r.getPrimaryResult().getScore()).as(name + " " + form).isPositive();
      scored.add(name + (form == null ? "" : " " + form));
    }
    assertThat(scored).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).contains("receiveRequest", "sendResponse 5.1", "sendResponse 5.4");
  }

  @Test
  void theReplayedRequestIsValidAndVerifies() throws Exception {
    DuisCodecBenchmark bench = new DuisCodecBenchmark();
    bench.setUp();
    WanMatrixExchange exchange = bench.exchange();

    assertThat(bench.receiveRequest()).isEqualTo(exchange.request());
    Document parsed = xml.parse(exchange.signedRequest());
    VerifiedSignature signer = exchange.requestVerifier().verify(parsed);
    assertThat(signer.certificate()).isEqualTo(exchange.user().certificate());
    // The DCC's own verifier would refuse it: the checks are real, not a pass-through.
    assertThatThrownBy(
            () -> exchange.responseVerifier().verify(xml.parse(exchange.signedRequest())))
        .isInstanceOf(SignatureRejectedException.class);
    assertThat(bench.verifyOnly().certificate()).isEqualTo(exchange.user().certificate());
    assertThat(bench.bareVerify()).isTrue();
    assertThat(bench.bareSign()).isNotEmpty();
    assertThat(bench.digestOnly()).hasSize(32);
  }

  @Test
  void aTamperedRequestWouldFailTheMeasuredPath() throws Exception {
    WanMatrixExchange exchange = WanMatrixExchange.create(SchemaVersion.V5_1);
    String text = new String(exchange.signedRequest(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("Threapwood Road");
    byte[] tampered =
        text.replace("Threapwood Road", "Threapwood Lane")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Document document = xml.parse(tampered);
    DuisSchema.builtIn().validate(document);
    assertThatThrownBy(() -> exchange.requestVerifier().verify(document))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.BAD_DIGEST));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5.1", "5.4"})
  void theBuiltResponseIsValidAndVerifiesWithTheDccCertificate(String version) throws Exception {
    DuisCodecBenchmark bench = new DuisCodecBenchmark();
    bench.setUp();
    DuisCodecBenchmark.ResponseSide side = new DuisCodecBenchmark.ResponseSide();
    side.schemaVersion = version;
    side.setUp(bench);
    WanMatrixExchange exchange = bench.exchange();

    for (byte[] bytes : List.of(bench.sendResponse(side), bench.serialiseResponseOnly(side))) {
      Document document = xml.parse(bytes);
      DuisSchema.builtIn().validate(document);
      assertThat(exchange.responseVerifier().verify(document).certificate())
          .isEqualTo(exchange.dcc().certificate());
      ServiceResponse read = codec.readResponse(document);
      assertThat(read).isEqualTo(exchange.response(SchemaVersion.parse(version)));
    }
    String text = new String(bench.sendResponse(side), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("schemaVersion=\"" + version + "\"");
    if (version.equals("5.4")) {
      assertThat(text).contains("DSPWANMatrixResponse", "4G Central");
    } else {
      assertThat(text).doesNotContain("DSPWANMatrixResponse");
    }
    assertThat(Arrays.asList(bench.buildAndSignResponse(side), bench.buildResponseOnly(side)))
        .allSatisfy(d -> assertThat(d.getDocumentElement().getLocalName()).isEqualTo("Response"));
  }
}
