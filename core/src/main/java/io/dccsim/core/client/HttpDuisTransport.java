package io.dccsim.core.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * {@link DuisTransport} over HTTP or HTTPS with the JDK's {@link HttpClient}: a POST of {@code
 * application/xml} to the endpoint's base URI plus the web service path. With an {@link SSLContext}
 * holding a key manager, the client presents its certificate, as production DUIS requires.
 *
 * <p>Answers are read up to {@link Builder#maxResponseBytes(int)}; a longer one is abandoned.
 * Thread-safe.
 */
public final class HttpDuisTransport implements DuisTransport {
  private final URI baseUri;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxResponseBytes;

  private HttpDuisTransport(Builder b) {
    this.baseUri = b.baseUri;
    this.requestTimeout = b.requestTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    if (b.httpClient != null) {
      this.http = b.httpClient;
    } else {
      HttpClient.Builder hb =
          HttpClient.newBuilder()
              .connectTimeout(b.connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1);
      if (b.sslContext != null) {
        hb.sslContext(b.sslContext);
      }
      this.http = hb.build();
    }
  }

  /** A builder for the DCC endpoint at {@code baseUri}, e.g. {@code https://dcc.example:8443}. */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /** The endpoint's base URI. */
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public TransportResponse post(String path, byte[] body) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    URI target = baseUri.resolve(path);
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(requestTimeout)
            .header("Content-Type", "application/xml")
            .header("Accept", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(maxResponseBytes + 1);
        if (bytes.length > maxResponseBytes) {
          throw new DuisTransportException(
              "the answer from " + target + " exceeds " + maxResponseBytes + " bytes", null);
        }
        return new TransportResponse(response.statusCode(), bytes);
      }
    } catch (HttpTimeoutException e) {
      throw new DuisTransportException("no answer from " + target + " in time", e);
    } catch (IOException e) {
      throw new DuisTransportException("cannot reach " + target + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DuisTransportException("interrupted while waiting for " + target, e);
    }
  }

  /** Builds an {@link HttpDuisTransport}. */
  public static final class Builder {
    private final URI baseUri;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private SSLContext sslContext;
    private HttpClient httpClient;
    private int maxResponseBytes = 1 << 20;

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      String scheme = baseUri.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("the DCC endpoint is http or https, not " + baseUri);
      }
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /** How long to wait for the whole answer (default 30 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value, "requestTimeout");
      return this;
    }

    /** TLS settings: trusted DCC certificates and, for mutual TLS, the client's key. */
    public Builder sslContext(SSLContext value) {
      this.sslContext = Objects.requireNonNull(value, "sslContext");
      return this;
    }

    /**
     * A client to use as it is (its own timeouts and TLS settings apply; {@link
     * #connectTimeout(Duration)} and {@link #sslContext(SSLContext)} are then ignored).
     */
    public Builder httpClient(HttpClient value) {
      this.httpClient = Objects.requireNonNull(value, "httpClient");
      return this;
    }

    /** The largest answer accepted (default 1 MiB). */
    public Builder maxResponseBytes(int value) {
      if (value <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive");
      }
      this.maxResponseBytes = value;
      return this;
    }

    /** The transport. */
    public HttpDuisTransport build() {
      return new HttpDuisTransport(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
