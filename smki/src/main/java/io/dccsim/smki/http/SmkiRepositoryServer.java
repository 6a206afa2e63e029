package io.dccsim.smki.http;

import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.http.internal.ConnectionLimit;
import io.dccsim.smki.http.internal.RepositoryRequestHandler;
import io.dccsim.smki.repository.CertificateRepository;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMKI Repository's HTTP interface, as in the public DCC test environment: certificate search
 * and retrieval ({@code POST /services/certificatesearch}, {@code POST
 * /services/retrievecertificate}, {@code application/xml}), and downloads of the CRL, the ARL and
 * the published extracts. Listens on 127.0.0.1 unless told otherwise; speaks HTTPS when given a TLS
 * context ({@link Builder#tls}).
 *
 * <pre>{@code
 * try (SmkiRepositoryServer server = SmkiRepositoryServer.builder(repository).port(0).start()) {
 *   URI base = server.baseUri();
 * }
 * }</pre>
 */
public final class SmkiRepositoryServer implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final ExecutorService handlers;
  private final Channel channel;
  private final InetSocketAddress address;
  private final boolean tls;

  private SmkiRepositoryServer(Builder b) throws InterruptedException {
    tls = b.tls.isPresent();
    boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(b.ioThreads, NioIoHandler.newFactory());
    // Repository calls may block (JDBC): they run on a bounded pool with a bounded queue, off the
    // event loop; when both are full the request is answered 503.
    handlers =
        new ThreadPoolExecutor(
            b.handlerThreads,
            b.handlerThreads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(b.queueLength),
            r -> {
              Thread t = new Thread(r, "smki-repository-http-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ConnectionLimit limit = new ConnectionLimit(b.maxConnections);
    RepositoryRequestHandler.Config config =
        new RepositoryRequestHandler.Config(
            b.repository, b.revocationLists, b.extracts, handlers, b.apiKey, b.orgCrypto);
    ServerBootstrap sb =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast("connections", limit);
                    b.tls.ifPresent(
                        ssl -> ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc())));
                    ch.pipeline()
                        .addLast(
                            "timeout",
                            new ReadTimeoutHandler(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS))
                        .addLast("http", new HttpServerCodec(4096, 8192, 8192))
                        .addLast("body", new HttpObjectAggregator(b.maxBodyBytes))
                        .addLast("chunks", new ChunkedWriteHandler())
                        .addLast("repository", new RepositoryRequestHandler(config));
                  }
                });
    try {
      channel = sb.bind(b.host, b.port).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      shutdown();
      throw e;
    }
    address = (InetSocketAddress) channel.localAddress();
  }

  /** A builder serving {@code repository}. */
  public static Builder builder(CertificateRepository repository) {
    return new Builder(repository);
  }

  /** The port bound (useful with port 0). */
  public int port() {
    return address.getPort();
  }

  /** {@code http://host:port}, or {@code https://} with TLS. */
  public URI baseUri() {
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create((tls ? "https://" : "http://") + host + ":" + port());
  }

  /** Stops listening and releases the threads. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    shutdown();
  }

  private void shutdown() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    handlers.shutdownNow();
  }

  /** Configures a server. */
  public static final class Builder {
    private final CertificateRepository repository;
    private String host = "127.0.0.1";
    private int port = 8083;
    private int maxBodyBytes = 16 * 1024;
    private int maxConnections = 256;
    private int ioThreads = 1;
    private int handlerThreads = 4;
    private int queueLength = 256;
    private Duration readTimeout = Duration.ofSeconds(30);
    private RevocationListSource revocationLists = RevocationListSource.none();
    private Optional<ExtractDirectory> extracts = Optional.empty();
    private Optional<SslContext> tls = Optional.empty();
    private Optional<String> apiKey = Optional.empty();
    private Optional<java.util.function.Supplier<byte[]>> orgCrypto = Optional.empty();

    private Builder(CertificateRepository repository) {
      this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** The address to listen on (default 127.0.0.1). */
    public Builder host(String h) {
      this.host = Objects.requireNonNull(h, "host");
      return this;
    }

    /** The port (default 8083, as in the public DCC test environment; 0 picks a free one). */
    public Builder port(int p) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("port " + p);
      }
      this.port = p;
      return this;
    }

    /** The largest request body accepted (default 16 KiB); larger ones are answered 413. */
    public Builder maxBodyBytes(int n) {
      if (n < 256) {
        throw new IllegalArgumentException("maxBodyBytes too small: " + n);
      }
      this.maxBodyBytes = n;
      return this;
    }

    /** The most connections open at once (default 256); more are closed on arrival. */
    public Builder maxConnections(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxConnections " + n);
      }
      this.maxConnections = n;
      return this;
    }

    /** Threads running repository lookups (default 4). */
    public Builder handlerThreads(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("handlerThreads " + n);
      }
      this.handlerThreads = n;
      return this;
    }

    /** Requests waiting for a handler thread at most (default 256); beyond, answered 503. */
    public Builder queueLength(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("queueLength " + n);
      }
      this.queueLength = n;
      return this;
    }

    /** How long a connection may stay silent (default 30 s). */
    public Builder readTimeout(Duration d) {
      this.readTimeout = Objects.requireNonNull(d, "readTimeout");
      return this;
    }

    /** Where the CRL and ARL come from (default: none, answered 404). */
    public Builder revocationLists(RevocationListSource source) {
      this.revocationLists = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Serves the CRL and ARL of the PKI's revocation authority. */
    public Builder revocationLists(io.dccsim.smki.crl.RevocationLists lists) {
      return revocationLists(RevocationListSource.from(lists));
    }

    /** The directory of published extracts to offer for download. */
    public Builder extracts(ExtractDirectory directory) {
      this.extracts = Optional.of(directory);
      return this;
    }

    /**
     * Serve HTTPS with this server-side TLS context (its certificate, key and client-certificate
     * policy); plain HTTP without one.
     */
    public Builder tls(SslContext context) {
      if (!context.isServer()) {
        throw new IllegalArgumentException("A client TLS context cannot serve");
      }
      this.tls = Optional.of(context);
      return this;
    }

    /**
     * Requires every request to carry {@code ?apikey=key} (answered 401 without one, 403 with
     * another). Without this, as in the public DCC test environment's default, an {@code apikey}
     * parameter is accepted whatever its value, and so is none.
     */
    public Builder apiKey(String key) {
      if (Objects.requireNonNull(key, "key").isBlank()) {
        throw new IllegalArgumentException("An API key is not blank");
      }
      this.apiKey = Optional.of(key);
      return this;
    }

    /**
     * Offers {@code GET /assets/crypto/org-crypto.zip}: the test Users' organisation certificates
     * and private keys, the body made by {@code zip} at each request. Test keys only: whoever can
     * reach the port can sign as those Users.
     */
    public Builder orgCrypto(java.util.function.Supplier<byte[]> zip) {
      this.orgCrypto = Optional.of(Objects.requireNonNull(zip, "zip"));
      return this;
    }

    /** Binds and starts serving. */
    public SmkiRepositoryServer start() {
      try {
        return new SmkiRepositoryServer(this);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while binding", e);
      }
    }
  }
}
