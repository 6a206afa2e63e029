package io.dccsim.sim.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone simulator's settings. Each key can come from a YAML file, the environment ({@code
 * DCCSIM_} + the key upper-cased with {@code -} as {@code _}) or a flag ({@code --key}); flags win
 * over the environment, which wins over the file. See {@link #KEYS} for every key and its default.
 * {@link #toString()} never shows the store password or the SMKI API key.
 */
public record SimulatorConfig(
    String host,
    int port,
    Path dataDir,
    Path pkiDir,
    String baseline,
    Optional<Instant> clockStart,
    boolean writeUnknownLiterally,
    boolean signatureChecks,
    io.dccsim.core.signature.EcdsaProvider.Choice cryptoProvider,
    Optional<Path> coverageFile,
    int maxBodyBytes,
    int maxConnections,
    int workerThreads,
    int workQueue,
    Duration requestTimeout,
    Duration idleTimeout,
    Optional<Path> dccCertFile,
    Optional<Path> dccKeyFile,
    io.dccsim.core.value.Eui64 dccEui,
    Optional<Path> duisSchemaFile,
    Optional<Path> tlsCertFile,
    Optional<Path> tlsKeyFile,
    Optional<Path> tlsClientCaFile,
    String tlsClientAuth,
    boolean tlsGenerate,
    java.util.List<String> tlsNames,
    int smkiPort,
    Optional<String> smkiApiKey,
    OrgCryptoOffer orgCrypto,
    String store,
    Optional<String> storeUrl,
    String storeUser,
    String storePassword,
    String storeSchema,
    int controlPort,
    String controlHost,
    Path controlTokenFile,
    int journalCapacity,
    io.dccsim.smki.extract.ExtractScheduleSpec extractSchedule,
    Path extractDir,
    Map<io.dccsim.core.value.Eui64, io.dccsim.core.value.UserRole> users,
    Optional<Path> pkiImport,
    Optional<Path> scenariosFile,
    Optional<Path> inventoryFile,
    Map<io.dccsim.core.value.Eui64, java.net.URI> receiveUrls,
    Duration deliveryRetryFirst,
    int deliveryAttempts,
    Duration deliveryConnectTimeout,
    Duration deliveryResponseTimeout,
    int deliveryQueue,
    int deliveryQueuePerUser,
    Optional<Path> deliveryCaFile,
    io.dccsim.sim.service.DeviceBehaviour deviceBehaviour,
    Duration deviceResponseTimeout,
    io.dccsim.sim.service.PreCommandSignature.Form preCommandForm,
    int deviceResponsesWaiting,
    io.dccsim.sim.service.StateChangeAlerts.Rules stateChangeAlerts) {

  /** Validates and copies. */
  public SimulatorConfig {
    users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
    receiveUrls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(receiveUrls));
  }

  /** The {@code store} value for the embedded H2 store under the data directory. */
  public static final String STORE_H2 = "h2";

  /** The {@code store} value for a PostgreSQL store. */
  public static final String STORE_POSTGRESQL = "postgresql";

  private static final java.util.List<String> CLIENT_AUTH =
      java.util.List.of("none", "optional", "require");

  private static final java.util.regex.Pattern SCHEMA =
      java.util.regex.Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Every key, with its default ({@code ""} for none) and meaning. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put("host", new String[] {"127.0.0.1", "address to listen on"});
    k.put("port", new String[] {"8079", "DUIS port, as DCC Boxed (0: any free port)"});
    k.put("data-dir", new String[] {"./data", "where the H2 store and the PKI live"});
    k.put(
        "pki-dir",
        new String[] {"", "where the PEM credentials are written (default data-dir/pki)"});
    k.put("baseline", new String[] {"by-date", "by-date, JUNE_2021 or PRE_JUNE_2021"});
    k.put("clock-start", new String[] {"", "start the simulated clock at this instant (ISO-8601)"});
    k.put(
        "write-unknown-literally",
        new String[] {"false", "MP106: write Unknown instead of a space"});
    k.put(
        "signature-checks",
        new String[] {
          "true", "false only for load tests: trust the RequestID's originator, skip E1 checks"
        });
    k.put(
        "crypto-provider",
        new String[] {
          "auto", "ECDSA of DUIS signatures: auto (AWS-LC where it loads, else bc), accp or bc"
        });
    k.put(
        "coverage-file", new String[] {"", "a .csv or .json coverage table (default: synthetic)"});
    k.put("max-body-bytes", new String[] {"262144", "largest request body (413 beyond)"});
    k.put("max-connections", new String[] {"1024", "open connections beyond this are closed"});
    k.put("worker-threads", new String[] {"0", "CPU workers (0: one per core, at least 2)"});
    k.put("work-queue", new String[] {"256", "requests waiting for a worker (503 beyond)"});
    k.put(
        "request-timeout", new String[] {"PT10S", "a request must arrive whole within this (408)"});
    k.put("idle-timeout", new String[] {"PT60S", "idle connections are closed after this"});
    k.put("dcc-cert-file", new String[] {"", "the DCC's dspXmlSign certificate (PEM)"});
    k.put("dcc-key-file", new String[] {"", "the DCC's private key (PKCS#8 PEM)"});
    // the DCC's identity and the DUIS schema requests are validated against
    k.put(
        "dcc-eui",
        new String[] {
          "90-B3-D5-1F-30-00-00-02",
          "the DCC's EUI-64 (the DSP of DCC Boxed): target of non-device requests, signer of answers"
        });
    k.put(
        "duis-schema-file",
        new String[] {"", "a DUIS XSD (e.g. the DCC's own) requests are validated against"});
    k.put("tls-cert-file", new String[] {"", "TLS server certificate chain (PEM); enables HTTPS"});
    k.put("tls-key-file", new String[] {"", "TLS server private key (PKCS#8 PEM)"});
    k.put("tls-client-ca-file", new String[] {"", "issuers trusted for client certificates (PEM)"});
    k.put("tls-client-auth", new String[] {"none", "none, optional or require"});
    k.put(
        "tls-generate",
        new String[] {
          "false", "true: HTTPS with a certificate from a TLS CA kept in pki-dir (no PEM files)"
        });
    k.put(
        "tls-names",
        new String[] {
          "",
          "with tls-generate: more host names or addresses for the server certificate,"
              + " comma-separated (localhost, 127.0.0.1, ::1 and host are always there)"
        });
    k.put("smki-port", new String[] {"8083", "SMKI repository interface port (-1: off)"});
    k.put(
        "smki-api-key",
        new String[] {
          "", "API key the SMKI interface requires as ?apikey= (default: any value or none)"
        });
    k.put(
        "org-crypto",
        new String[] {
          OrgCryptoOffer.LOOPBACK.settingValue(),
          "GET /assets/crypto/org-crypto.zip (test Users' certificates and keys):"
              + " loopback (only when the SMKI port listens on loopback), any, off"
        });
    k.put("store", new String[] {STORE_H2, "SMKI store: h2 (under data-dir) or postgresql"});
    k.put(
        "store-url",
        new String[] {"", "PostgreSQL JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/dccsim"});
    k.put("store-user", new String[] {"", "PostgreSQL user"});
    k.put(
        "store-password",
        new String[] {"", "PostgreSQL password (best given as DCCSIM_STORE_PASSWORD)"});
    k.put("store-schema", new String[] {"dccsim", "PostgreSQL schema of the tables (created)"});
    k.put(
        "control-port",
        new String[] {"8081", "control API port (0: any free port, -1: off); needs the token"});
    k.put("control-host", new String[] {"127.0.0.1", "address the control API listens on"});
    k.put(
        "control-token-file",
        new String[] {
          "",
          "the control API's bearer token, generated owner-only at first start and reused"
              + " (default pki-dir/control-token)"
        });
    k.put(
        "journal-capacity",
        new String[] {"10000", "exchanges the request journal keeps for the control API"});
    k.put(
        "extract-schedule",
        new String[] {
          io.dccsim.smki.extract.ExtractScheduleSpec.DEFAULT,
          "when SMKI extracts are published, by the simulated clock:"
              + " baseline|daily|weekly[:DAY|:cron(m h dom mon dow)][@HH:MM][/ZONE]"
              + " (baseline: daily full before the release in force, weekly full + daily deltas"
              + " after; default SUNDAY, 01:00, Europe/London)"
        });
    k.put(
        "extract-dir",
        new String[] {
          "", "where extracts are published and served from (default data-dir/extracts)"
        });
    k.put(
        "users",
        new String[] {
          "",
          "more DCC Users, EUI=ROLE comma-separated (e.g. 90-B3-D5-1F-30-04-00-00=GS): each gets an"
              + " xmlSign credential kept in pki-dir; roles IS, ES, GS, ED, GT, RSA, OU"
        });
    k.put(
        "pki-import",
        new String[] {
          "",
          "an existing test PKI (directory or zip of PEM/DER certificates and PKCS#8 keys) filed at"
              + " start: its Users sign with their own keys, its dspXmlSign key for dcc-eui signs"
              + " the answers"
        });
    k.put(
        "scenarios-file",
        new String[] {
          "",
          "a JSON file of scenarios (as POST /control/scenarios takes them: faults, canned answers"
              + " for any SR) installed at start and after each reset"
        });
    k.put(
        "inventory-file",
        new String[] {
          "",
          "a .csv or .json estate file loaded into an empty device inventory at start (default: the"
              + " synthetic estate, 300 premises)"
        });
    k.put(
        "receive-urls",
        new String[] {
          "",
          "Users' receiving endpoints for asynchronous responses and alerts, EUI=URL"
              + " comma-separated (http or https); the control API can change them"
        });
    k.put(
        "delivery-retry-first",
        new String[] {"PT30S", "simulated wait before the first delivery retry, doubling after"});
    k.put(
        "delivery-attempts",
        new String[] {"5", "delivery attempts in all before a message becomes a dead letter"});
    k.put(
        "delivery-connect-timeout",
        new String[] {"PT2S", "connecting to a receiving endpoint may take this long"});
    k.put(
        "delivery-response-timeout",
        new String[] {"PT5S", "a receiving endpoint must answer within this"});
    k.put("delivery-queue", new String[] {"10000", "the most messages pending delivery in all"});
    k.put(
        "delivery-queue-per-user",
        new String[] {"1000", "the most messages pending delivery to one User"});
    k.put(
        "delivery-ca-file",
        new String[] {
          "",
          "issuers trusted for https receiving endpoints (PEM; default: the simulator's own TLS CA"
              + " when it serves HTTPS, else the JDK's trust store)"
        });
    k.put(
        "device-behaviour",
        new String[] {
          "answer",
          "how devices answer device SRs unless given their own behaviour: answer[:DELAY],"
              + " no-response or unreachable[:DELAY] (simulated ISO-8601 delay, e.g. answer:PT5S)"
        });
    k.put(
        "device-response-timeout",
        new String[] {
          "PT30S", "simulated wait for a device's response before the DCC reports E21"
        });
    k.put(
        "pre-command-form",
        new String[] {
          "gbcs",
          "form of the pre-commands (command variant 4): gbcs (ending with the null signature 00)"
              + " or dcc-boxed (no signature field, as DCC Boxed; its signing tools sign it whole)"
        });
    k.put(
        "device-responses-waiting",
        new String[] {
          "100000", "the most device answers waiting for their simulated time (503 beyond)"
        });
    k.put(
        "alert-hub-status",
        new String[] {
          "N42",
          "DCC alert to the other Users responsible for the devices at a Communications Hub's"
              + " premises when SR 8.14.x changes its status"
        });
    k.put(
        "alert-firmware-distributed",
        new String[] {
          "N16", "DCC alert to the User, per device, once SR 11.1/11.4 firmware is distributed"
        });
    k.put(
        "firmware-distribution",
        new String[] {
          "PT1H", "simulated time from SR 11.1/11.4 until the firmware is distributed and Active"
        });
    return java.util.Collections.unmodifiableMap(k);
  }

  /** The delivery settings these values make. */
  public io.dccsim.sim.delivery.DeliverySettings deliverySettings() {
    return io.dccsim.sim.delivery.DeliverySettings.defaults()
        .withRetries(deliveryRetryFirst, deliveryAttempts)
        .withTimeouts(deliveryConnectTimeout, deliveryResponseTimeout)
        .withCapacity(deliveryQueue, deliveryQueuePerUser);
  }

  /** The environment variable for a key, e.g. {@code DCCSIM_MAX_BODY_BYTES}. */
  public static String envName(String key) {
    return "DCCSIM_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /**
   * Builds from layered values: {@code file}, then {@code env}, then {@code flags} (later wins).
   *
   * @throws IllegalArgumentException naming the key at fault
   */
  public static SimulatorConfig from(
      Map<String, String> file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> v = new LinkedHashMap<>();
    KEYS.forEach((key, info) -> v.put(key, info[0]));
    java.util.Set<String> given = new java.util.HashSet<>();
    for (Map<String, String> layer : java.util.List.of(file, env, flags)) {
      for (Map.Entry<String, String> e : layer.entrySet()) {
        if (!KEYS.containsKey(e.getKey())) {
          throw new IllegalArgumentException(
              "Unknown setting '" + e.getKey() + "' (known: " + KEYS.keySet() + ")");
        }
        v.put(e.getKey(), e.getValue());
        if (e.getValue() != null && !e.getValue().isBlank()) {
          given.add(e.getKey());
        }
      }
    }
    Path data = path("data-dir", v.get("data-dir"));
    SimulatorConfig c =
        new SimulatorConfig(
            v.get("host"),
            integer(v, "port"),
            data,
            v.get("pki-dir").isEmpty() ? data.resolve("pki") : path("pki-dir", v.get("pki-dir")),
            v.get("baseline"),
            optional(v, "clock-start").map(s -> parse("clock-start", () -> Instant.parse(s))),
            bool(v, "write-unknown-literally"),
            bool(v, "signature-checks"),
            parse(
                "crypto-provider",
                () ->
                    io.dccsim.core.signature.EcdsaProvider.Choice.parse(v.get("crypto-provider"))),
            optional(v, "coverage-file").map(f -> path("coverage-file", f)),
            integer(v, "max-body-bytes"),
            integer(v, "max-connections"),
            integer(v, "worker-threads"),
            integer(v, "work-queue"),
            parse("request-timeout", () -> Duration.parse(v.get("request-timeout"))),
            parse("idle-timeout", () -> Duration.parse(v.get("idle-timeout"))),
            optional(v, "dcc-cert-file").map(f -> path("dcc-cert-file", f)),
            optional(v, "dcc-key-file").map(f -> path("dcc-key-file", f)),
            parse("dcc-eui", () -> io.dccsim.core.value.Eui64.parse(v.get("dcc-eui").strip())),
            optional(v, "duis-schema-file").map(f -> path("duis-schema-file", f)),
            optional(v, "tls-cert-file").map(f -> path("tls-cert-file", f)),
            optional(v, "tls-key-file").map(f -> path("tls-key-file", f)),
            optional(v, "tls-client-ca-file").map(f -> path("tls-client-ca-file", f)),
            v.get("tls-client-auth").strip().toLowerCase(Locale.ROOT),
            bool(v, "tls-generate"),
            names(v.get("tls-names")),
            integer(v, "smki-port"),
            optional(v, "smki-api-key").map(String::strip),
            OrgCryptoOffer.parse(v.get("org-crypto")),
            v.get("store").strip().toLowerCase(Locale.ROOT),
            optional(v, "store-url"),
            v.get("store-user").strip(),
            v.get("store-password"),
            v.get("store-schema").strip(),
            integer(v, "control-port"),
            v.get("control-host").strip(),
            v.get("control-token-file").isBlank()
                ? (v.get("pki-dir").isEmpty()
                        ? data.resolve("pki")
                        : path("pki-dir", v.get("pki-dir")))
                    .resolve("control-token")
                : path("control-token-file", v.get("control-token-file").strip()),
            integer(v, "journal-capacity"),
            parse(
                "extract-schedule",
                () -> io.dccsim.smki.extract.ExtractScheduleSpec.parse(v.get("extract-schedule"))),
            v.get("extract-dir").isBlank()
                ? data.resolve("extracts")
                : path("extract-dir", v.get("extract-dir").strip()),
            users(v.get("users")),
            optional(v, "pki-import").map(f -> path("pki-import", f.strip())),
            optional(v, "scenarios-file").map(f -> path("scenarios-file", f.strip())),
            optional(v, "inventory-file").map(f -> path("inventory-file", f.strip())),
            receiveUrls(v.get("receive-urls")),
            parse("delivery-retry-first", () -> Duration.parse(v.get("delivery-retry-first"))),
            integer(v, "delivery-attempts"),
            parse(
                "delivery-connect-timeout",
                () -> Duration.parse(v.get("delivery-connect-timeout"))),
            parse(
                "delivery-response-timeout",
                () -> Duration.parse(v.get("delivery-response-timeout"))),
            integer(v, "delivery-queue"),
            integer(v, "delivery-queue-per-user"),
            optional(v, "delivery-ca-file").map(f -> path("delivery-ca-file", f.strip())),
            parse(
                "device-behaviour",
                () -> io.dccsim.sim.service.DeviceBehaviour.parse(v.get("device-behaviour"))),
            parse(
                "device-response-timeout", () -> Duration.parse(v.get("device-response-timeout"))),
            parse(
                "pre-command-form",
                () ->
                    io.dccsim.sim.service.PreCommandSignature.Form.parse(
                        v.get("pre-command-form"))),
            integer(v, "device-responses-waiting"),
            stateChangeAlerts(v));
    c.checkPairs();
    c.checkControl();
    c.checkTls();
    c.checkStore(given);
    c.checkDelivery();
    return c;
  }

  /** The three settings of the alerts raised by state changes, each checked under its name. */
  private static io.dccsim.sim.service.StateChangeAlerts.Rules stateChangeAlerts(
      Map<String, String> v) {
    String hub =
        parse(
            "alert-hub-status",
            () -> io.dccsim.sim.service.Alerts.dccCode(v.get("alert-hub-status").strip()));
    String firmware =
        parse(
            "alert-firmware-distributed",
            () ->
                io.dccsim.sim.service.Alerts.dccCode(v.get("alert-firmware-distributed").strip()));
    Duration distribution =
        parse(
            "firmware-distribution", () -> Duration.parse(v.get("firmware-distribution").strip()));
    return parse(
        "firmware-distribution",
        () -> new io.dccsim.sim.service.StateChangeAlerts.Rules(hub, firmware, distribution));
  }

  private void checkDelivery() {
    positive("delivery-retry-first", deliveryRetryFirst);
    positive("delivery-connect-timeout", deliveryConnectTimeout);
    positive("delivery-response-timeout", deliveryResponseTimeout);
    if (deliveryAttempts < 1 || deliveryAttempts > 100) {
      throw new IllegalArgumentException(
          "Setting 'delivery-attempts' is 1..100, not " + deliveryAttempts);
    }
    positive("device-response-timeout", deviceResponseTimeout);
    if (deviceResponsesWaiting < 1) {
      throw new IllegalArgumentException(
          "Setting 'device-responses-waiting' is at least 1, not " + deviceResponsesWaiting);
    }
    if (deliveryQueue < 1) {
      throw new IllegalArgumentException(
          "Setting 'delivery-queue' is at least 1, not " + deliveryQueue);
    }
    if (deliveryQueuePerUser < 1 || deliveryQueuePerUser > deliveryQueue) {
      throw new IllegalArgumentException(
          "Setting 'delivery-queue-per-user' is 1..delivery-queue ("
              + deliveryQueue
              + "), not "
              + deliveryQueuePerUser);
    }
  }

  private static void positive(String key, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("Setting '" + key + "' is a positive duration, not " + d);
    }
  }

  /** {@code EUI=URL,...}: the receiving URLs the {@code receive-urls} setting registers. */
  private static Map<io.dccsim.core.value.Eui64, java.net.URI> receiveUrls(String list) {
    Map<io.dccsim.core.value.Eui64, java.net.URI> out = new LinkedHashMap<>();
    for (String item : list.split(",")) {
      String entry = item.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "Setting 'receive-urls' holds EUI=URL pairs such as"
                + " 90-B3-D5-1F-30-01-00-00=http://127.0.0.1:9000/duis, not '"
                + entry
                + "'");
      }
      io.dccsim.core.value.Eui64 eui =
          parse(
              "receive-urls",
              () -> io.dccsim.core.value.Eui64.parse(entry.substring(0, eq).strip()));
      java.net.URI url =
          parse(
              "receive-urls",
              () ->
                  io.dccsim.sim.delivery.ResponseDelivery.checkedUrl(
                      java.net.URI.create(entry.substring(eq + 1).strip())));
      if (out.put(eui, url) != null) {
        throw new IllegalArgumentException("Setting 'receive-urls' names " + eui + " twice");
      }
    }
    return out;
  }

  /** {@code EUI=ROLE,...}: the Users the {@code users} setting adds. */
  private static Map<io.dccsim.core.value.Eui64, io.dccsim.core.value.UserRole> users(String list) {
    Map<io.dccsim.core.value.Eui64, io.dccsim.core.value.UserRole> out = new LinkedHashMap<>();
    for (String item : list.split(",")) {
      String entry = item.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "Setting 'users' holds EUI=ROLE pairs such as 90-B3-D5-1F-30-04-00-00=GS, not '"
                + entry
                + "'");
      }
      io.dccsim.core.value.Eui64 eui =
          parse("users", () -> io.dccsim.core.value.Eui64.parse(entry.substring(0, eq).strip()));
      String roleText = entry.substring(eq + 1).strip();
      io.dccsim.core.value.UserRole role =
          io.dccsim.core.value.UserRole.parse(roleText)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Setting 'users': '"
                              + roleText
                              + "' is not a DUIS User Role (IS, ES, GS, ED, GT, RSA, OU or a"
                              + " name such as GAS_SUPPLIER)"));
      if (out.put(eui, role) != null) {
        throw new IllegalArgumentException("Setting 'users' names " + eui + " twice");
      }
    }
    return out;
  }

  private static java.util.List<String> names(String list) {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String n : list.split(",")) {
      String name = n.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!name.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
        throw new IllegalArgumentException(
            "Setting 'tls-names' holds host names or IP addresses, not '" + name + "'");
      }
      out.add(name);
    }
    return java.util.List.copyOf(out);
  }

  /** Whether the DUIS server speaks HTTPS. */
  public boolean https() {
    return tlsCertFile.isPresent() || tlsGenerate;
  }

  /** Whether the SMKI store is PostgreSQL. */
  public boolean postgresStore() {
    return store.equals(STORE_POSTGRESQL);
  }

  private void checkPairs() {
    if (dccCertFile.isPresent() != dccKeyFile.isPresent()) {
      throw new IllegalArgumentException(
          "dcc-cert-file and dcc-key-file go together; only "
              + (dccCertFile.isPresent() ? "dcc-cert-file" : "dcc-key-file")
              + " is given");
    }
    if (tlsCertFile.isPresent() != tlsKeyFile.isPresent()) {
      throw new IllegalArgumentException(
          "tls-cert-file and tls-key-file go together; only "
              + (tlsCertFile.isPresent() ? "tls-cert-file" : "tls-key-file")
              + " is given");
    }
  }

  private void checkControl() {
    if (controlPort < -1 || controlPort > 65_535) {
      throw new IllegalArgumentException(
          "Setting 'control-port' is a port (0: any free one) or -1 (off), not " + controlPort);
    }
    if (controlHost.isEmpty()) {
      throw new IllegalArgumentException("Setting 'control-host' is an address, not empty");
    }
    if (journalCapacity < 1
        || journalCapacity > io.dccsim.sim.journal.RequestJournal.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "Setting 'journal-capacity' is 1.."
              + io.dccsim.sim.journal.RequestJournal.MAX_CAPACITY
              + ", not "
              + journalCapacity);
    }
  }

  private void checkTls() {
    if (!CLIENT_AUTH.contains(tlsClientAuth)) {
      throw new IllegalArgumentException(
          "Setting 'tls-client-auth' is none, optional or require, not '" + tlsClientAuth + "'");
    }
    boolean clientAuth = !tlsClientAuth.equals("none");
    if (!https() && clientAuth) {
      throw new IllegalArgumentException(
          "tls-client-auth="
              + tlsClientAuth
              + " needs HTTPS: give tls-cert-file and tls-key-file, or tls-generate=true");
    }
    if (tlsClientCaFile.isPresent() && !clientAuth) {
      throw new IllegalArgumentException(
          "tls-client-ca-file is only used with tls-client-auth optional or require (it is "
              + tlsClientAuth
              + ")");
    }
    if (!tlsNames.isEmpty() && (!tlsGenerate || tlsCertFile.isPresent())) {
      throw new IllegalArgumentException(
          "tls-names is only used with tls-generate=true and no tls-cert-file");
    }
    if (tlsCertFile.isPresent() && clientAuth && tlsClientCaFile.isEmpty()) {
      throw new IllegalArgumentException(
          "tls-client-auth="
              + tlsClientAuth
              + " with tls-cert-file needs tls-client-ca-file (the generated TLS CA is trusted"
              + " for client certificates only with tls-generate=true and no tls-cert-file)");
    }
  }

  private void checkStore(java.util.Set<String> given) {
    switch (store) {
      case STORE_H2 -> {
        for (String key :
            java.util.List.of("store-url", "store-user", "store-password", "store-schema")) {
          if (given.contains(key)) {
            throw new IllegalArgumentException(key + " is only used with store=postgresql");
          }
        }
      }
      case STORE_POSTGRESQL -> {
        if (storeUrl.isEmpty()) {
          throw new IllegalArgumentException(
              "store=postgresql needs store-url (e.g. jdbc:postgresql://127.0.0.1:5432/dccsim)");
        }
        if (!storeUrl.get().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
          throw new IllegalArgumentException(
              "Setting 'store-url' is a jdbc:postgresql: URL, not '"
                  + redactUrl(storeUrl.get())
                  + "'");
        }
        if (storeUser.isEmpty()) {
          throw new IllegalArgumentException("store=postgresql needs store-user");
        }
        if (!SCHEMA.matcher(storeSchema).matches()) {
          throw new IllegalArgumentException(
              "Setting 'store-schema' is lower-case letters, digits and '_' (at most 63,"
                  + " not starting with a digit), not '"
                  + storeSchema
                  + "'");
        }
      }
      default ->
          throw new IllegalArgumentException(
              "Setting 'store' is h2 or postgresql, not '" + store + "'");
    }
  }

  /**
   * A JDBC URL fit to print: the value of any {@code password} parameter, and a password in a
   * {@code user:password@} part, replaced by {@code ****}.
   */
  public static String redactUrl(String url) {
    return io.dccsim.smki.repository.RepositoryConfig.redactedUrl(url);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("SimulatorConfig[");
    java.lang.reflect.RecordComponent[] components = SimulatorConfig.class.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      Object value;
      try {
        value = components[i].getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (name.equals("storePassword")) {
        value = storePassword.isEmpty() ? "" : "****";
      } else if (name.equals("smkiApiKey")) {
        value = smkiApiKey.isEmpty() ? "(any)" : "****";
      } else if (name.equals("storeUrl")) {
        value = storeUrl.map(SimulatorConfig::redactUrl);
      }
      b.append(i == 0 ? "" : ", ").append(name).append('=').append(value);
    }
    return b.append(']').toString();
  }

  /** The environment's DCCSIM_ values, by key. */
  public static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : KEYS.keySet()) {
      String value = environment.get(envName(key));
      if (value != null) {
        out.put(key, value);
      }
    }
    return out;
  }

  private static Optional<String> optional(Map<String, String> v, String key) {
    String s = v.get(key);
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  private static int integer(Map<String, String> v, String key) {
    return parse(key, () -> Integer.parseInt(v.get(key).strip()));
  }

  private static boolean bool(Map<String, String> v, String key) {
    String s = v.get(key).strip().toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new IllegalArgumentException(key + " is true or false, not '" + v.get(key) + "'");
    }
    return s.equals("true");
  }

  private static Path path(String key, String value) {
    return parse(key, () -> Path.of(value));
  }

  private static <T> T parse(String key, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Setting '" + key + "' is not valid: " + e.getMessage(), e);
    }
  }
}
