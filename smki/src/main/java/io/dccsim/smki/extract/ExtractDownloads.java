package io.dccsim.smki.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lists and fetches extracts from the repository's HTTP interface ({@code GET /services/extracts}
 * and {@code GET /services/extracts/<name>}). Every fetched file is verified (content and detached
 * digest) before it appears under its name in the target directory.
 */
public final class ExtractDownloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LISTING = 4 * 1024 * 1024;

  private final HttpClient http;
  private final URI base;

  /**
   * A client of the interface at {@code base} (for example {@code http://127.0.0.1:8083}).
   *
   * @param http the client to use (its timeouts and proxy apply)
   */
  public ExtractDownloads(HttpClient http, URI base) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
  }

  /** A client with a default {@link HttpClient} (10 s connect timeout). */
  public ExtractDownloads(URI base) {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), base);
  }

  /**
   * One extract offered by the server.
   *
   * @param name its file name
   * @param kind full or delta
   * @param number its number
   * @param size its length in bytes
   * @param sha256 the SHA-256 of the whole file, lower-case hex
   */
  public record RemoteExtract(
      String name, ExtractKind kind, long number, long size, String sha256) {}

  /** The extracts the server offers, in number order. */
  public List<RemoteExtract> list() {
    HttpResponse<byte[]> res = get("/services/extracts", HttpResponse.BodyHandlers.ofByteArray());
    if (res.body().length > MAX_LISTING) {
      throw new ExtractException("Extract listing too large: " + res.body().length + " bytes");
    }
    List<RemoteExtract> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(res.body()).path("extracts")) {
        out.add(
            new RemoteExtract(
                n.path("name").asText(),
                ExtractKind.valueOf(n.path("kind").asText()),
                n.path("number").asLong(),
                n.path("size").asLong(),
                n.path("sha256").asText()));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ExtractException("Malformed extract listing from " + base + ": " + e, e);
    }
    return out;
  }

  /**
   * Downloads one extract and its digest into {@code directory}, verifies them and moves them into
   * place atomically.
   *
   * @return the verified extract's path
   */
  public Path fetch(String name, Path directory) {
    if (ExtractFileName.parse(name).isEmpty()) {
      throw new ExtractException("Not an extract name: " + name);
    }
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempDirectory(directory, ".download-");
      try {
        Path file = tmp.resolve(name);
        Path digest = tmp.resolve(name + ExtractFileName.DIGEST_SUFFIX);
        get("/services/extracts/" + name, HttpResponse.BodyHandlers.ofFile(file));
        get(
            "/services/extracts/" + name + ExtractFileName.DIGEST_SUFFIX,
            HttpResponse.BodyHandlers.ofFile(digest));
        ExtractFile.read(file, true, r -> {});
        Files.move(
            digest,
            directory.resolve(digest.getFileName().toString()),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        Path target = directory.resolve(name);
        Files.move(
            file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
      } finally {
        try (var s = Files.list(tmp)) {
          for (Path p : s.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ExtractException("Cannot download " + name + " into " + directory + ": " + e, e);
    }
  }

  /**
   * Fetches the server's newest full extract and the deltas after it that {@code directory} does
   * not hold yet; afterwards {@code ExtractReader.open(directory).load()} gives the repository as
   * the server last published it.
   *
   * @return the files fetched
   */
  public List<Path> mirror(Path directory) {
    List<RemoteExtract> all = list();
    int start = -1;
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).kind() == ExtractKind.FULL) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw new ExtractException("The server at " + base + " offers no full extract");
    }
    List<Path> fetched = new ArrayList<>();
    for (RemoteExtract r : all.subList(start, all.size())) {
      if (!Files.exists(directory.resolve(r.name()))) {
        fetched.add(fetch(r.name(), directory));
      }
    }
    return fetched;
  }

  private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler) {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(30)).GET().build();
    try {
      HttpResponse<T> res = http.send(req, handler);
      if (res.statusCode() != 200) {
        throw new ExtractException("GET " + req.uri() + " answered " + res.statusCode());
      }
      return res;
    } catch (IOException e) {
      throw new ExtractException("GET " + req.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractException("Interrupted during GET " + req.uri(), e);
    }
  }
}
