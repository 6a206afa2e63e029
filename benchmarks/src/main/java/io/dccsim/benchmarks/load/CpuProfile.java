package io.dccsim.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went while a load run was measured: Java execution samples (JDK Flight Recorder)
 * sorted into the exchange's stages, and the JVM's user and kernel CPU. It explains a throughput
 * figure: the share of samples spent in ECDSA is the most the run could reach of the crypto limit.
 *
 * <p>Execution samples see Java code only: time in the kernel (the loopback TCP stack) shows in the
 * CPU load, not in the stage shares.
 */
public final class CpuProfile implements AutoCloseable {

  /** The stages, in the order a sample is tested against them (the first match counts). */
  public enum Stage {
    LOAD_GENERATOR("load generator (client threads)"),
    ECDSA_VERIFY("ECDSA verify of the request (Java part)"),
    ECDSA_SIGN("ECDSA sign of the answer (Java part)"),
    XML_PARSE("XML parse + schema validation (JDK)"),
    SIGNATURE_XML("signature XML: C14N, digests, references"),
    ANSWER("answer: build + serialise"),
    CHECKS("decoding, checks, SR 12.1 handler, journal"),
    SERVER("HTTP server: Netty, dispatch, metrics, log"),
    OTHER("other");

    final String label;

    Stage(String label) {
      this.label = label;
    }
  }

  private final Recording recording;

  private CpuProfile(Recording recording) {
    this.recording = recording;
  }

  /**
   * Initialises the flight recorder now, before any warm-up. Starting the JVM's first recording
   * invalidates compiled code; started in the middle of a run it left the simulator at a quarter of
   * its speed for the rest of it. A later {@link #start} in a JVM armed this way costs little.
   * Close the result when done.
   */
  public static AutoCloseable arm() {
    Recording r = new Recording();
    r.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(10));
    r.setToDisk(false);
    r.start();
    return r::close;
  }

  /** Starts sampling every {@code period}; call {@link #arm} first, at the start of the run. */
  public static CpuProfile start(Duration period) {
    Recording r = new Recording();
    r.enable("jdk.ExecutionSample").withPeriod(period).withStackTrace();
    r.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
    r.setToDisk(true);
    r.start();
    return new CpuProfile(r);
  }

  /** Stops sampling and sorts the samples. */
  public Breakdown stop() {
    recording.stop();
    Path file = null;
    try {
      file = Files.createTempFile("dccsim-profile", ".jfr");
      recording.dump(file);
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      recording.close();
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  @Override
  public void close() {
    recording.close();
  }

  static Breakdown read(Path file) throws IOException {
    Map<Stage, Long> counts = new LinkedHashMap<>();
    for (Stage s : Stage.values()) {
      counts.put(s, 0L);
    }
    double user = 0;
    double system = 0;
    double machine = 0;
    int loads = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      String type = e.getEventType().getName();
      if (type.equals("jdk.ExecutionSample")) {
        String thread = e.getThread("sampledThread").getJavaName();
        counts.merge(classify(thread, e.getStackTrace()), 1L, Long::sum);
      } else if (type.equals("jdk.CPULoad")) {
        user += e.getFloat("jvmUser");
        system += e.getFloat("jvmSystem");
        machine += e.getFloat("machineTotal");
        loads++;
      }
    }
    return loads == 0
        ? new Breakdown(counts, Double.NaN, Double.NaN, Double.NaN)
        : new Breakdown(counts, user / loads, system / loads, machine / loads);
  }

  static Stage classify(String thread, RecordedStackTrace stack) {
    if (thread != null && thread.startsWith(LoadGenerator.THREAD_NAME)) {
      return Stage.LOAD_GENERATOR;
    }
    List<String> frames = new ArrayList<>();
    if (stack != null) {
      for (RecordedFrame f : stack.getFrames()) {
        frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
      }
    }
    if (any(frames, "io.dccsim.core.signature.EcdsaP256.verify")) {
      return Stage.ECDSA_VERIFY;
    }
    if (any(frames, "io.dccsim.core.signature.EcdsaP256.sign")) {
      return Stage.ECDSA_SIGN;
    }
    if (any(frames, "io.dccsim.core.schema.DuisSchema.parseValidated")
        || any(frames, "io.dccsim.core.xml.SecureXml.parse")) {
      return Stage.XML_PARSE;
    }
    if (anyPrefix(frames, "io.dccsim.core.signature.")) {
      return Stage.SIGNATURE_XML;
    }
    if (any(frames, "io.dccsim.sim.pipeline.ResponseWriter.write")
        || any(frames, "io.dccsim.core.codec.DuisCodec.toBytes")) {
      return Stage.ANSWER;
    }
    if (anyPrefix(frames, "io.dccsim.sim.pipeline.") || anyPrefix(frames, "io.dccsim.core.")) {
      return Stage.CHECKS;
    }
    if (thread != null && thread.startsWith("dccsim-")) {
      return Stage.SERVER;
    }
    return Stage.OTHER;
  }

  private static boolean any(List<String> frames, String method) {
    return frames.contains(method);
  }

  private static boolean anyPrefix(List<String> frames, String prefix) {
    for (String f : frames) {
      if (f.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The sorted samples and the mean CPU load while sampling.
   *
   * @param samples execution samples by stage
   * @param jvmUser the JVM's user CPU, 0..1 of the machine
   * @param jvmSystem the kernel CPU on the JVM's behalf, 0..1 of the machine
   * @param machineTotal the whole machine's CPU, 0..1
   */
  public record Breakdown(
      Map<Stage, Long> samples, double jvmUser, double jvmSystem, double machineTotal) {

    /** All samples. */
    public long total() {
      return samples.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of samples in ECDSA (verify and sign), 0..1. */
    public double ecdsaShare() {
      long t = total();
      return t == 0
          ? 0
          : (samples.get(Stage.ECDSA_VERIFY) + samples.get(Stage.ECDSA_SIGN)) / (double) t;
    }

    /** The table, one stage a line. */
    public String table() {
      StringBuilder b = new StringBuilder();
      long t = Math.max(1, total());
      b.append(
          String.format(
              Locale.ROOT,
              "CPU while measuring: machine %.0f%% busy; this JVM %.0f%% user + %.0f%% kernel"
                  + " (of all cores)%n",
              100 * machineTotal,
              100 * jvmUser,
              100 * jvmSystem));
      b.append(String.format(Locale.ROOT, "Java execution samples (%d), by stage:%n", total()));
      for (Map.Entry<Stage, Long> e : samples.entrySet()) {
        b.append(
            String.format(
                Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / t, e.getKey().label));
      }
      return b.toString();
    }
  }
}
