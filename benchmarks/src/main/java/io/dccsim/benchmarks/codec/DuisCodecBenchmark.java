package io.dccsim.benchmarks.codec;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.VerifiedSignature;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.xml.SecureXml;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/**
 * The DUIS codec paths of one SR 12.1 exchange beside the bare ECDSA P-256 work they contain, in
 * one run so the two can be compared on the same machine at the same moment.
 *
 * <ul>
 *   <li>{@link #receiveRequest}: what the server does with each request body: hardened parse,
 *       schema validation, signature verification, typed decoding.
 *   <li>{@link #sendResponse}: what the server does for each answer: build the document, sign it,
 *       serialise it; flat (5.1) and per-region (5.4) forms.
 *   <li>{@link #bareVerify} and {@link #bareSign}: one ECDSA P-256 verification and signature over
 *       a message as long as the signed request, on Bouncy Castle (the fastest provider here).
 *   <li>The rest split the two paths into their parts so any overhead can be attributed.
 * </ul>
 *
 * <p>The goal (issue: performance of the core library): the XML work adds at most 30% to the
 * crypto, i.e. {@code receiveRequest >= bareVerify / 1.3} and {@code sendResponse >= bareSign /
 * 1.3}, in operations per second. One thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class DuisCodecBenchmark {
  private static final Provider BC = new BouncyCastleProvider();

  private final SecureXml xml = SecureXml.withDefaults();
  private final DuisSchema schema = DuisSchema.builtIn();
  private final DuisCodec codec = new DuisCodec();

  private WanMatrixExchange exchange;
  private DuisSignatureVerifier requestVerifier;
  private byte[] requestBytes;
  private Document parsedRequest;

  private Signature bareSigner;
  private Signature bareVerifier;
  private KeyPair bareKeys;
  private byte[] bareMessage;
  private byte[] bareSignature;

  /** The signed request, its parsed form, and a P-256 key pair with one signature to verify. */
  @Setup
  public void setUp() throws Exception {
    exchange = WanMatrixExchange.create(SchemaVersion.V5_1);
    requestVerifier = exchange.requestVerifier();
    requestBytes = exchange.signedRequest();
    parsedRequest = xml.parse(requestBytes);

    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    bareKeys = generator.generateKeyPair();
    bareMessage = requestBytes.clone();
    bareSigner = Signature.getInstance("SHA256withECDSA", BC);
    bareVerifier = Signature.getInstance("SHA256withECDSA", BC);
    bareSignature = bareSign();
  }

  /** The response side: the answer's form, and a signer for the DCC. */
  @State(Scope.Thread)
  public static class ResponseSide {
    /** The schema version answered: {@code 5.1} is the flat form, {@code 5.4} per region. */
    @Param({"5.1", "5.4"})
    public String schemaVersion;

    private SchemaVersion version;
    private DuisSigner signer;
    private Document signedResponse;

    /** Prepares the DCC's signer and one signed response to serialise. */
    @Setup
    public void setUp(DuisCodecBenchmark bench) {
      version = SchemaVersion.parse(schemaVersion);
      signer = bench.exchange.dccSigner();
      signedResponse = bench.codec.writeResponse(bench.exchange.response(version));
      signer.sign(signedResponse);
    }
  }

  // ------------------------------------------------------------- the two paths and their crypto

  /** (a) Parse and schema-validate in one pass, verify and decode a signed SR 12.1 request. */
  @Benchmark
  public ServiceRequest receiveRequest() {
    Document document = schema.parseValidated(xml, requestBytes);
    requestVerifier.verify(document);
    return codec.readRequest(document);
  }

  /** (a) as it was: parse, then validate the finished DOM in a second walk, verify and decode. */
  @Benchmark
  public ServiceRequest receiveRequestTwoPass() {
    Document document = xml.parse(requestBytes);
    schema.validate(document);
    requestVerifier.verify(document);
    return codec.readRequest(document);
  }

  /** (b) Build, sign and serialise the SR 12.1 response. */
  @Benchmark
  public byte[] sendResponse(ResponseSide side) {
    Document document = codec.writeResponse(exchange.response(side.version));
    side.signer.sign(document);
    return codec.toBytes(document);
  }

  /** (c) One bare ECDSA P-256 verification over a message as long as the request. */
  @Benchmark
  public boolean bareVerify() throws Exception {
    bareVerifier.initVerify(bareKeys.getPublic());
    bareVerifier.update(bareMessage);
    return bareVerifier.verify(bareSignature);
  }

  /** (d) One bare ECDSA P-256 signature over a message as long as the request. */
  @Benchmark
  public byte[] bareSign() throws Exception {
    bareSigner.initSign(bareKeys.getPrivate());
    bareSigner.update(bareMessage);
    return bareSigner.sign();
  }

  // ------------------------------------------------------------- attribution: the request side

  /** The hardened parse alone. */
  @Benchmark
  public Document parseOnly() {
    return xml.parse(requestBytes);
  }

  /** The hardened parse with schema validation in the same pass. */
  @Benchmark
  public Document parseValidatedOnly() {
    return schema.parseValidated(xml, requestBytes);
  }

  /** Schema validation alone, of an already parsed request. */
  @Benchmark
  public Document validateOnly() {
    schema.validate(parsedRequest);
    return parsedRequest;
  }

  /**
   * Signature verification alone, of an already parsed request: the signature checks, exclusive
   * canonicalisation of the document and of {@code SignedInfo}, the SHA-256 digest and one ECDSA
   * verification. Less {@link #bareVerify} it is the canonicalisation and digest overhead.
   */
  @Benchmark
  public VerifiedSignature verifyOnly() {
    return requestVerifier.verify(parsedRequest);
  }

  /** The SHA-256 digest alone, over as many bytes as the request. */
  @Benchmark
  public byte[] digestOnly() throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(requestBytes);
  }

  /** Typed decoding alone, of an already parsed request. */
  @Benchmark
  public ServiceRequest decodeOnly() {
    return codec.readRequest(parsedRequest);
  }

  // ------------------------------------------------------------- attribution: the response side

  /** Building the response document alone, unsigned. */
  @Benchmark
  public Document buildResponseOnly(ResponseSide side) {
    return codec.writeResponse(exchange.response(side.version));
  }

  /**
   * Building and signing the response document, not serialised. Less {@link #buildResponseOnly} it
   * is the signing: canonicalisation, digest and one ECDSA signature.
   */
  @Benchmark
  public Document buildAndSignResponse(ResponseSide side) {
    Document document = codec.writeResponse(exchange.response(side.version));
    side.signer.sign(document);
    return document;
  }

  /** Serialising an already signed response alone. */
  @Benchmark
  public byte[] serialiseResponseOnly(ResponseSide side) {
    return codec.toBytes(side.signedResponse);
  }

  /** The exchange every benchmark of this class replays (for checks of the set-up). */
  WanMatrixExchange exchange() {
    return exchange;
  }
}
