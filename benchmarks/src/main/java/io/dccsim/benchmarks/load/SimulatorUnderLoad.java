package io.dccsim.benchmarks.load;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisTransportException;
import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.server.ServerSettings;
import io.dccsim.smki.pki.Credential;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.w3c.dom.Document;

/**
 * The simulator, in this JVM, ready for a load run: one registered supplier per connection, each
 * with its own XML-signing certificate and a stream of pre-signed requests (SR 12.1 by default, or
 * any {@link Requests}, device requests too) whose counters increase, so the replay check passes as
 * it would for real traffic.
 */
public final class SimulatorUnderLoad implements AutoCloseable {
  private static final int WARMUP_PER_USER = 200;

  /** The bytes every successful answer contains. */
  public static final byte[] SUCCESS = ">I0<".getBytes(StandardCharsets.UTF_8);

  private final Simulator simulator;
  private final String path;
  private final byte[] success;
  private final List<List<byte[]>> streams;
  private final List<List<byte[]>> warmupStreams;
  private final byte[] sampleRequest;

  /**
   * The requests a load run pre-signs: one SRV and command variant, and the body and target of each
   * request; non-device ones to the DCC by default.
   */
  public interface Requests {
    /** The Service Reference Variant every request names. */
    ServiceReferenceVariant variant();

    /** The command variant every request names, and so the web service they go to. */
    default CommandVariant commandVariant() {
      return CommandVariant.NON_DEVICE;
    }

    /** The device request {@code index} of stream {@code stream} goes to; empty: the DCC. */
    default java.util.Optional<Eui64> device(int stream, int index) {
      return java.util.Optional.empty();
    }

    /** The bytes every successful answer holds (default {@link #SUCCESS}, {@code I0}). */
    default byte[] success() {
      return SUCCESS;
    }

    /**
     * The body of request {@code index} of stream {@code stream} (warm-up streams come after the
     * measured ones, numbered from {@code users}). Called from several threads at once.
     */
    RequestBody body(int stream, int index);
  }

  /** SR 12.1 Request WAN Matrix for one partial address, the default load. */
  public static final Requests WAN_MATRIX =
      new Requests() {
        private final RequestBody body =
            RequestWanMatrix.byAddress(
                PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road"));

        @Override
        public ServiceReferenceVariant variant() {
          return ServiceReferenceVariant.REQUEST_WAN_MATRIX;
        }

        @Override
        public RequestBody body(int stream, int index) {
          return body;
        }
      };

  private SimulatorUnderLoad(
      Simulator simulator,
      List<List<byte[]>> streams,
      List<List<byte[]>> warmupStreams,
      byte[] sample,
      Requests requests) {
    this.simulator = simulator;
    this.path = requests.commandVariant().webService().path();
    this.success = requests.success().clone();
    this.streams = streams;
    this.warmupStreams = warmupStreams;
    this.sampleRequest = sample;
  }

  /**
   * Starts a simulator and pre-signs {@code perUser} requests for each of {@code users} suppliers.
   *
   * @param signatureChecks false for the documented load-test setting that skips request signature
   *     and replay checks
   * @param workerThreads the server's worker threads
   */
  public static SimulatorUnderLoad start(
      boolean signatureChecks, int users, int perUser, int workerThreads) {
    return start(
        Simulator.builder().signatureChecks(signatureChecks),
        users,
        perUser,
        workerThreads,
        WAN_MATRIX);
  }

  /**
   * Starts the simulator {@code builder} configures (its server settings replaced by the load
   * run's) and pre-signs {@code perUser} of {@code requests} for each of {@code users} suppliers.
   */
  public static SimulatorUnderLoad start(
      Simulator.Builder builder, int users, int perUser, int workerThreads, Requests requests) {
    ServerSettings defaults = ServerSettings.defaults();
    ServerSettings settings =
        new ServerSettings(
            defaults.host(),
            0,
            defaults.maxBodyBytes(),
            defaults.maxConnections(),
            defaults.requestTimeout(),
            defaults.idleTimeout(),
            workerThreads,
            Math.max(defaults.workQueueCapacity(), users * 4),
            defaults.maxPipelined(),
            0, // no request/response bodies copied into exchange records: no journal listens
            defaults.tls());
    Simulator sim = builder.server(settings).start();
    List<List<byte[]>> streams =
        new ArrayList<>(
            IntStream.range(0, users)
                .parallel()
                .mapToObj(i -> presign(sim, user(i), perUser + 1, requests, i))
                .toList());
    // Other users, with short streams, warm the JIT up: once a stream wraps around its counters
    // repeat and the answers are E1, which still runs parsing, verification and signing.
    List<List<byte[]>> warmup =
        IntStream.range(0, users)
            .parallel()
            .mapToObj(i -> presign(sim, warmupUser(i), WARMUP_PER_USER, requests, users + i))
            .toList();
    // The first request of the first stream is kept aside to fetch one real answer.
    List<byte[]> first = new ArrayList<>(streams.get(0));
    byte[] sample = first.remove(0);
    streams.set(0, first);
    return new SimulatorUnderLoad(sim, streams, warmup, sample, requests);
  }

  private static List<byte[]> presign(
      Simulator sim, Eui64 user, int count, Requests requests, int stream) {
    Credential credential = sim.pki().xmlSigningCredential(user);
    sim.trust(credential.certificate());
    sim.users().register(user, UserRole.IMPORT_SUPPLIER);
    SigningCredential signing =
        SigningCredential.of(credential.privateKey(), credential.certificate());
    DuisClient client =
        DuisClient.builder()
            .user(user, signing)
            .dcc(sim.dccEui(), sim.dccCertificate())
            .clock(sim.clock())
            .transport(
                (path, body) -> {
                  throw new DuisTransportException("pre-signing only", null);
                })
            .build();
    DuisCodec codec = new DuisCodec();
    DuisSigner signer = new DuisSigner(signing);
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ServiceRequest request =
          client.newRequest(
              requests.variant(),
              requests.commandVariant(),
              requests.device(stream, i).orElse(client.dccId()),
              requests.body(stream, i));
      Document doc = codec.writeRequest(request);
      signer.sign(doc);
      out.add(codec.toBytes(doc));
    }
    return out;
  }

  /** The load target: one stream per supplier, the requests' success code expected. */
  public LoadTarget target(String name) {
    return new LoadTarget(
            name,
            URI.create(simulator.endpoint(path)),
            "application/xml",
            streams,
            java.util.Optional.empty())
        .expecting(success);
  }

  /** The suppliers sending the measured streams, one per connection. */
  public static Eui64 user(int stream) {
    return Eui64.of(0x90B3D51F30020000L + stream);
  }

  /** The suppliers sending the JIT warm-up streams. */
  public static Eui64 warmupUser(int stream) {
    return Eui64.of(0x90B3D51F30030000L + stream);
  }

  /**
   * A target for warming the JIT up only: other users' short streams, wrapping around (so mostly E1
   * answers); never measure with it.
   */
  public LoadTarget warmupTarget() {
    return new LoadTarget(
        "JIT warm-up",
        URI.create(simulator.endpoint(path)),
        "application/xml",
        warmupStreams,
        java.util.Optional.empty());
  }

  /**
   * One real answer, to serve from the reference servers: the same bytes, byte for byte. Call it
   * once, before the load run.
   */
  public byte[] sampleResponse() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<byte[]> r =
        http.send(
            java.net.http.HttpRequest.newBuilder(URI.create(simulator.endpoint(path)))
                .header("Content-Type", "application/xml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(sampleRequest))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    return r.body();
  }

  /** The simulator itself. */
  public Simulator simulator() {
    return simulator;
  }

  @Override
  public void close() {
    simulator.close();
  }
}
