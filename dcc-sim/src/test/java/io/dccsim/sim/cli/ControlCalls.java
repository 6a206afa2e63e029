package io.dccsim.sim.cli;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Calls to a standalone simulator's control API, with the token from its token file. */
final class ControlCalls {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ControlCalls() {}

  /**
   * {@code method} on {@code path} (relative to {@code /control/}, e.g. {@code users} or {@code
   * devices?uprn=1}), with a JSON {@code body} or none.
   */
  static HttpResponse<String> call(StandaloneSimulator s, String method, String path, String body)
      throws Exception {
    String token =
        Files.readString(s.configuration().controlTokenFile(), StandardCharsets.US_ASCII).strip();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(s.control().orElseThrow().baseUri().resolve(path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
