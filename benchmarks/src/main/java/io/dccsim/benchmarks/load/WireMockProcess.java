package io.dccsim.benchmarks.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * WireMock as users run it: the standalone jar in a JVM of its own, with one static stub that
 * answers a POST to {@code path} with fixed bytes. The request journal is switched off, as anyone
 * load-testing WireMock must (it is unbounded otherwise).
 */
public final class WireMockProcess implements AutoCloseable {
  private final Process process;
  private final Path root;
  private final int port;

  private WireMockProcess(Process process, Path root, int port) {
    this.process = process;
    this.root = root;
    this.port = port;
  }

  /**
   * Starts WireMock from {@code jar}, serving {@code body} for POSTs to {@code path}, and waits
   * until it answers.
   */
  public static WireMockProcess start(
      Path jar, String path, byte[] body, String contentType, List<String> jvmOptions)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException("WireMock standalone jar not found at " + jar + " (run mvn package)");
    }
    Path root = Files.createTempDirectory("dccsim-wiremock");
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    Files.write(root.resolve("__files/response.xml"), body);
    String mapping =
        "{\"request\":{\"method\":\"POST\",\"urlPath\":\""
            + path
            + "\"},\"response\":{\"status\":200,\"bodyFileName\":\"response.xml\","
            + "\"headers\":{\"Content-Type\":\""
            + contentType
            + "\"}}}";
    Files.writeString(root.resolve("mappings/stub.json"), mapping, StandardCharsets.UTF_8);
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--port",
            Integer.toString(port),
            "--bind-address",
            "127.0.0.1",
            "--root-dir",
            root.toString(),
            "--no-request-journal",
            "--disable-banner"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("wiremock.log").toFile())
            .start();
    WireMockProcess w = new WireMockProcess(p, root, port);
    w.awaitReady(Duration.ofSeconds(60));
    return w;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(baseUri() + "/__admin/mappings"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "WireMock exited with "
                + process.exitValue()
                + "; see "
                + root.resolve("wiremock.log"));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    close();
    throw new IOException("WireMock did not start within " + timeout);
  }

  /** The base URI, e.g. {@code http://127.0.0.1:40123}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** The WireMock JVM's process id (for sampling its memory). */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
