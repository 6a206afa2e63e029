package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone simulator with its SMKI store in PostgreSQL (a fresh schema per test). */
class StandalonePostgresStoreTest {
  @TempDir Path data;
  String schema;

  @BeforeEach
  void database() {
    PostgresTestDatabase.assumeAvailable();
    schema = PostgresTestDatabase.uniqueSchema("standalone");
  }

  @AfterEach
  void drop() throws Exception {
    if (schema != null) {
      PostgresTestDatabase.dropSchema(schema);
    }
  }

  private SimulatorConfig config() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "0");
    f.put("control-port", "-1");
    f.put("data-dir", data.toString());
    f.put("store", "postgresql");
    f.put("store-url", PostgresTestDatabase.URL);
    f.put("store-user", PostgresTestDatabase.USER);
    f.put("store-schema", schema);
    // The password as an operator would give it: in the environment.
    Map<String, String> env =
        PostgresTestDatabase.PASSWORD.isEmpty()
            ? Map.of()
            : Map.of("store-password", PostgresTestDatabase.PASSWORD);
    return SimulatorConfig.from(Map.of(), env, f);
  }

  @Test
  void keepsTheSmkiStoreInPostgresqlAndAnswersSignedRequests() throws Exception {
    Path pki = data.resolve("pki");
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(StandaloneSimulatorTest.answer(s, pki)).isEqualTo("I0");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.describe(new PrintStream(out, true, StandardCharsets.UTF_8));
      String text = out.toString(StandardCharsets.UTF_8);
      assertThat(text)
          .contains("SMKI store       PostgreSQL " + PostgresTestDatabase.URL)
          .contains("schema " + schema);
      if (!PostgresTestDatabase.PASSWORD.isEmpty()) {
        assertThat(text).doesNotContain(PostgresTestDatabase.PASSWORD);
      }

      // Another connection to the same schema sees what the simulator stored.
      X509Certificate supplier =
          PemMaterial.certificate(pki.resolve(StandaloneSimulator.SUPPLIER_CERT));
      try (CertificateRepository other =
          CertificateRepositories.postgres(
              PostgresTestDatabase.URL,
              PostgresTestDatabase.USER,
              PostgresTestDatabase.PASSWORD,
              schema)) {
        CertificateRecord record = other.findBySerial(supplier.getSerialNumber()).orElseThrow();
        assertThat(record.der()).isEqualTo(supplier.getEncoded());
        assertThat(record.status()).isEqualTo(CertificateStatus.IN_USE);
        List<CertificateRecord> dcc =
            other.search(CertificateQuery.bySubjectEui(Simulator.DCC_EUI));
        assertThat(dcc)
            .extracting(CertificateRecord::serial)
            .contains(s.simulator().dccCertificate().getSerialNumber());
      }
    }
    assertThat(data.resolve("smki")).as("no H2 store is made").doesNotExist();

    // A restart finds its certificates already there.
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      assertThat(StandaloneSimulatorTest.answer(again, pki)).isEqualTo("I0");
    }
  }

  @Test
  void requestCountersOutliveARestartInPostgresql() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(StandaloneRequestCountersTest.send(s, 1_000)).isEqualTo("I0");
    }
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      StandaloneRequestCountersTest.assertCountersSurvived(again);
    }
  }
}
