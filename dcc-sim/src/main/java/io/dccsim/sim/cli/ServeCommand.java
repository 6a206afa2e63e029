package io.dccsim.sim.cli;

import io.dccsim.sim.config.ConfigFile;
import io.dccsim.sim.config.SimulatorConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dccsim serve}: starts the simulated DCC and runs until stopped (SIGTERM or Ctrl-C stops it
 * cleanly). Settings come from {@code --config} (YAML), then {@code DCCSIM_*} environment
 * variables, then these flags; later wins.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the simulated DCC (the default command).")
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--config", description = "A YAML file of settings.")
  Path config;

  @Option(names = "--host", description = "Address to listen on (default 127.0.0.1).")
  String host;

  @Option(names = "--port", description = "DUIS port, 0 for any (default 8080).")
  String port;

  @Option(names = "--data-dir", description = "Data directory (default ./data).")
  String dataDir;

  @Option(names = "--pki-dir", description = "Where PEM credentials go (default data-dir/pki).")
  String pkiDir;

  @Option(names = "--baseline", description = "by-date, JUNE_2021 or PRE_JUNE_2021.")
  String baseline;

  @Option(names = "--clock-start", description = "Start the simulated clock here (ISO-8601).")
  String clockStart;

  @Option(names = "--write-unknown-literally", description = "MP106: write Unknown, not a space.")
  String writeUnknownLiterally;

  @Option(
      names = "--signature-checks",
      description = "false only for load tests: skip request signature checks.")
  String signatureChecks;

  @Option(names = "--coverage-file", description = "A .csv or .json coverage table.")
  String coverageFile;

  @Option(names = "--max-body-bytes", description = "Largest request body.")
  String maxBodyBytes;

  @Option(names = "--max-connections", description = "Most open connections.")
  String maxConnections;

  @Option(names = "--worker-threads", description = "CPU worker threads (0: per core).")
  String workerThreads;

  @Option(names = "--work-queue", description = "Requests waiting for a worker (503 beyond).")
  String workQueue;

  @Option(names = "--request-timeout", description = "ISO-8601 duration, e.g. PT10S.")
  String requestTimeout;

  @Option(names = "--idle-timeout", description = "ISO-8601 duration, e.g. PT60S.")
  String idleTimeout;

  @Option(names = "--dcc-cert-file", description = "The DCC's dspXmlSign certificate (PEM).")
  String dccCertFile;

  @Option(names = "--dcc-key-file", description = "The DCC's PKCS#8 private key (PEM).")
  String dccKeyFile;

  @Option(names = "--tls-cert-file", description = "TLS certificate chain (PEM): enables HTTPS.")
  String tlsCertFile;

  @Option(names = "--tls-key-file", description = "TLS private key (PKCS#8 PEM).")
  String tlsKeyFile;

  @Option(names = "--tls-client-ca-file", description = "Trusted client certificate issuers.")
  String tlsClientCaFile;

  @Option(names = "--tls-client-auth", description = "none, optional or require.")
  String tlsClientAuth;

  @Option(
      names = "--tls-generate",
      description = "true: HTTPS with a certificate from a TLS CA kept in the PKI directory.")
  String tlsGenerate;

  @Option(
      names = "--tls-names",
      description = "With --tls-generate: more names for the server certificate, comma-separated.")
  String tlsNames;

  @Option(names = "--smki-port", description = "SMKI repository interface port, -1 for off.")
  String smkiPort;

  @Option(names = "--store", description = "SMKI store: h2 (default) or postgresql.")
  String store;

  @Option(names = "--store-url", description = "PostgreSQL JDBC URL.")
  String storeUrl;

  @Option(names = "--store-user", description = "PostgreSQL user.")
  String storeUser;

  @Option(
      names = "--store-password",
      description = "PostgreSQL password (better: the DCCSIM_STORE_PASSWORD variable).")
  String storePassword;

  @Option(names = "--store-schema", description = "PostgreSQL schema (default dccsim).")
  String storeSchema;

  @Spec CommandSpec spec;

  /** The settings the flags give (only those given). */
  Map<String, String> flags() {
    Map<String, String> f = new LinkedHashMap<>();
    put(f, "host", host);
    put(f, "port", port);
    put(f, "data-dir", dataDir);
    put(f, "pki-dir", pkiDir);
    put(f, "baseline", baseline);
    put(f, "clock-start", clockStart);
    put(f, "write-unknown-literally", writeUnknownLiterally);
    put(f, "signature-checks", signatureChecks);
    put(f, "coverage-file", coverageFile);
    put(f, "max-body-bytes", maxBodyBytes);
    put(f, "max-connections", maxConnections);
    put(f, "worker-threads", workerThreads);
    put(f, "work-queue", workQueue);
    put(f, "request-timeout", requestTimeout);
    put(f, "idle-timeout", idleTimeout);
    put(f, "dcc-cert-file", dccCertFile);
    put(f, "dcc-key-file", dccKeyFile);
    put(f, "tls-cert-file", tlsCertFile);
    put(f, "tls-key-file", tlsKeyFile);
    put(f, "tls-client-ca-file", tlsClientCaFile);
    put(f, "tls-client-auth", tlsClientAuth);
    put(f, "tls-generate", tlsGenerate);
    put(f, "tls-names", tlsNames);
    put(f, "smki-port", smkiPort);
    put(f, "store", store);
    put(f, "store-url", storeUrl);
    put(f, "store-user", storeUser);
    put(f, "store-password", storePassword);
    put(f, "store-schema", storeSchema);
    return f;
  }

  /** The messages of an exception and its causes, each once, with any URL password hidden. */
  static String reasons(Throwable e) {
    StringBuilder b = new StringBuilder();
    String last = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      if (last != null && last.contains(m)) {
        continue;
      }
      b.append(b.length() == 0 ? "" : ": ").append(m);
      last = m;
      if (t.getCause() == t) {
        break;
      }
    }
    return SimulatorConfig.redactUrl(b.toString());
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  /** The layered configuration. */
  SimulatorConfig configuration(Map<String, String> environment) throws java.io.IOException {
    Map<String, String> file = config == null ? Map.of() : ConfigFile.read(config);
    return SimulatorConfig.from(file, SimulatorConfig.fromEnvironment(environment), flags());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err =
        spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    SimulatorConfig settings;
    try {
      settings = configuration(System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("dccsim: " + e.getMessage());
      err.flush();
      return 2;
    }
    StandaloneSimulator running;
    try {
      running = StandaloneSimulator.start(settings);
    } catch (Exception e) {
      // The user gets the reasons; the stack trace goes to the log at DEBUG.
      LOG.debug("Start-up failed", e);
      err.println("dccsim: cannot start: " + reasons(e));
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              running.close();
              stopped.countDown();
            },
            "dccsim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    running.describe(System.out);
    System.out.flush();
    stopped.await();
    return 0;
  }
}
