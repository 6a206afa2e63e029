package io.dccsim.smki.repository;

import static io.dccsim.smki.repository.SyntheticCertificates.DEVICE_EUIS;
import static io.dccsim.smki.repository.SyntheticCertificates.ORGANISATION_EUIS;
import static io.dccsim.smki.repository.SyntheticCertificates.T0;
import static io.dccsim.smki.repository.SyntheticCertificates.authority;
import static io.dccsim.smki.repository.SyntheticCertificates.device;
import static io.dccsim.smki.repository.SyntheticCertificates.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility suite every {@link CertificateRepository} passes. A concrete suite extends it
 * and says how to open a fresh, empty repository; each test gets its own.
 *
 * <p>jqwik properties do not run JUnit's {@code @BeforeEach}, so they open (and close) their own
 * repositories through {@link #newRepository()}.
 */
public abstract class CertificateRepositoryContract {

  /** The repository under test, fresh and empty for each JUnit test. */
  protected CertificateRepository repo;

  /** A fresh, empty repository. Called once per JUnit test and once per property try. */
  protected abstract CertificateRepository newRepository();

  /**
   * Whether the store can be reached. A suite for an external store overrides this to report its
   * absence (and to fail when the store is required); the properties then pass without trying,
   * since jqwik would count an aborted try as a failed one. JUnit tests skip through {@code
   * newRepository()} throwing an assumption failure instead.
   */
  protected boolean storeAvailable() {
    return true;
  }

  @BeforeEach
  void openRepository() {
    repo = newRepository();
  }

  @AfterEach
  void closeRepository() {
    if (repo != null) {
      repo.close();
    }
  }

  /**
   * Whether the store keeps the simulator's state: request counters, User registrations (every
   * database does).
   */
  protected boolean keepsSimulatorState() {
    return true;
  }

  // ---- the device inventory ----

  @Test
  void aDatabaseOffersADeviceInventoryBesideTheCertificates() {
    if (!keepsSimulatorState()) {
      assertThat(repo.deviceInventory()).isEmpty();
      return;
    }
    io.dccsim.core.inventory.DeviceInventory devices = repo.deviceInventory().orElseThrow();
    var esme = io.dccsim.core.inventory.SyntheticEstate.devices(1, 1L).get(0);
    assertThat(devices.count()).isZero();
    devices.add(esme);
    assertThat(repo.deviceInventory().orElseThrow().find(esme.eui())).hasValue(esme);
    assertThat(repo.count()).isZero();
    assertThat(repo.lastSequence()).isZero(); // devices are not in the certificate change feed
  }

  // ---- DUIS request counters ----

  @Test
  void requestCountersKeepTheGreaterUnsignedValuePerOriginatorAndCanBeCleared() {
    if (!keepsSimulatorState()) {
      assertThat(repo.requestCounters()).isEmpty();
      return;
    }
    RequestCounterStore counters = repo.requestCounters().orElseThrow();
    Eui64 a = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    Eui64 b = Eui64.parse("00-DB-12-34-56-78-00-04");
    assertThat(counters.load()).isEmpty();
    counters.save(Map.of(a, 1_000L, b, 5L));
    // A lower value never replaces a higher one; 2^64-1 (-1 as a long) is the highest of all.
    counters.save(Map.of(a, 999L, b, -1L));
    assertThat(counters.load()).containsOnly(entry(a, 1_000L), entry(b, -1L));
    counters.save(Map.of(a, Long.MIN_VALUE, b, 6L));
    assertThat(counters.load()).containsOnly(entry(a, Long.MIN_VALUE), entry(b, -1L));
    counters.save(Map.of());
    assertThat(repo.count()).as("counters are not certificates").isZero();
    assertThat(repo.lastSequence()).as("nor certificate changes").isZero();
    counters.clear();
    assertThat(counters.load()).isEmpty();
  }

  // ---- DCC User registrations ----

  @Test
  void userRegistrationsReplaceEachOtherRecordRemovalsAndCanBeCleared() {
    if (!keepsSimulatorState()) {
      assertThat(repo.userRegistrations()).isEmpty();
      return;
    }
    UserRegistrationStore users = repo.userRegistrations().orElseThrow();
    Eui64 gas = Eui64.parse("90-B3-D5-1F-30-04-00-00");
    Eui64 other = Eui64.parse("00-DB-12-34-56-78-00-04");
    assertThat(users.load()).isEmpty();
    users.save(gas, Optional.of("GAS_SUPPLIER"));
    users.save(other, Optional.of("OTHER_USER"));
    users.save(gas, Optional.of("IMPORT_SUPPLIER"));
    // a removal is kept as a row without a role
    users.save(other, Optional.empty());
    assertThat(users.load())
        .containsOnly(entry(gas, Optional.of("IMPORT_SUPPLIER")), entry(other, Optional.empty()));
    assertThat(repo.count()).as("registrations are not certificates").isZero();
    assertThat(repo.lastSequence()).as("nor certificate changes").isZero();
    users.clear();
    assertThat(users.load()).isEmpty();
  }

  private static final Instant T1 = Instant.parse("2021-07-01T10:15:30.123456789Z");
  private static final Instant T2 = Instant.parse("2022-01-01T00:00:00Z");

  // ---- add and lookups ----

  @Test
  void anEmptyRepositoryHoldsNothing() {
    assertThat(repo.count()).isZero();
    assertThat(repo.lastSequence()).isZero();
    assertThat(repo.changesAfter(0, 10)).isEmpty();
    assertThat(repo.findBySerial(BigInteger.ONE)).isEmpty();
    assertThat(repo.search(CertificateQuery.all())).isEmpty();
    assertThat(repo.scan(r -> {})).isZero();
    for (CertificateStatus s : CertificateStatus.values()) {
      assertThat(repo.count(s)).isZero();
    }
  }

  @Test
  void addedRecordsAreFoundBySerialExactlyAsGiven() {
    CertificateRecord org =
        organisation(
            11,
            ORGANISATION_EUIS.get(0),
            RemotePartyRole.SUPPLIER,
            CertificateUsage.DS,
            CertificateStatus.IN_USE);
    CertificateRecord dev =
        device(12, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.PENDING);
    CertificateRecord root = authority(13, ORGANISATION_EUIS.get(2));

    assertThat(repo.add(org)).isEqualTo(org);
    assertThat(repo.add(dev)).isEqualTo(dev);
    assertThat(repo.add(root)).isEqualTo(root);

    assertThat(repo.findBySerial(BigInteger.valueOf(11))).contains(org);
    assertThat(repo.findBySerial(BigInteger.valueOf(12))).contains(dev);
    assertThat(repo.findBySerial(BigInteger.valueOf(13))).contains(root);
    assertThat(repo.findBySerial(BigInteger.valueOf(14))).isEmpty();
    assertThat(repo.count()).isEqualTo(3);
  }

  @Test
  void largeSerialsAndNanosecondTimesRoundTrip() {
    // GBCS serials may use up to 20 octets; status times keep their full precision.
    BigInteger big = BigInteger.ONE.shiftLeft(159).add(BigInteger.valueOf(12345));
    CertificateRecord template =
        device(1, DEVICE_EUIS.get(1), CertificateUsage.DS, CertificateStatus.IN_USE);
    CertificateRecord r =
        new CertificateRecord(
            big,
            template.issuer(),
            template.kind(),
            template.subjectEui(),
            template.subjectAltNameEui(),
            template.role(),
            template.usage(),
            template.status(),
            T1,
            template.der());
    repo.add(r);
    assertThat(repo.findBySerial(big)).contains(r);
    assertThat(repo.findBySerial(big.subtract(BigInteger.ONE))).isEmpty();
  }

  @Test
  void everyRoleAndKindRoundTrips() {
    long serial = 100;
    List<CertificateRecord> added = new ArrayList<>();
    for (RemotePartyRole role : RemotePartyRole.values()) {
      CertificateRecord r =
          organisation(
              serial++,
              Eui64.of(0x90B3D51F30000000L + serial),
              role,
              CertificateUsage.KA,
              CertificateStatus.NOT_IN_USE);
      repo.add(r);
      added.add(r);
    }
    for (CertificateRecord r : added) {
      assertThat(repo.findBySerial(r.serial())).contains(r);
    }
  }

  @Test
  void addIsIdempotentBySerialAndKeepsTheHeldStatus() {
    CertificateRecord first =
        device(7, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.PENDING);
    repo.add(first);
    repo.changeStatus(first.serial(), CertificateStatus.IN_USE, T1);
    long sequence = repo.lastSequence();

    CertificateRecord again =
        device(7, DEVICE_EUIS.get(3), CertificateUsage.DS, CertificateStatus.REVOKED);
    CertificateRecord held = repo.add(again);

    assertThat(held).isEqualTo(first.withStatus(CertificateStatus.IN_USE, T1));
    assertThat(repo.findBySerial(first.serial())).contains(held);
    assertThat(repo.count()).isEqualTo(1);
    assertThat(repo.lastSequence()).as("a repeated add appends nothing").isEqualTo(sequence);
  }

  @Test
  void addAllCountsOnlyNewRecordsAndSkipsDuplicatesEvenWithinTheList() {
    repo.add(device(1, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.IN_USE));
    List<CertificateRecord> batch =
        List.of(
            device(1, DEVICE_EUIS.get(1), CertificateUsage.DS, CertificateStatus.REVOKED),
            device(2, DEVICE_EUIS.get(2), CertificateUsage.DS, CertificateStatus.IN_USE),
            device(3, DEVICE_EUIS.get(3), CertificateUsage.KA, CertificateStatus.PENDING),
            device(2, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.EXPIRED));

    assertThat(repo.addAll(batch)).isEqualTo(2);
    assertThat(repo.addAll(List.of())).isZero();

    assertThat(repo.count()).isEqualTo(3);
    assertThat(repo.findBySerial(BigInteger.ONE).orElseThrow().status())
        .isEqualTo(CertificateStatus.IN_USE);
    assertThat(repo.findBySerial(BigInteger.TWO)).contains(batch.get(1));
    assertThat(repo.lastSequence()).isEqualTo(3);
    assertThat(repo.changesAfter(1, 10))
        .extracting(c -> c.record().serial())
        .containsExactly(BigInteger.TWO, BigInteger.valueOf(3));
  }

  @Test
  void addAllHandlesBatchesLargerThanOneTransactionChunk() {
    List<CertificateRecord> many = new ArrayList<>();
    for (int i = 1; i <= 2_500; i++) {
      many.add(
          device(
              i,
              Eui64.of(0x00DB000000000000L + i),
              i % 2 == 0 ? CertificateUsage.DS : CertificateUsage.KA,
              CertificateStatus.IN_USE));
    }
    assertThat(repo.addAll(many)).isEqualTo(2_500);
    assertThat(repo.addAll(many)).isZero();
    assertThat(repo.count()).isEqualTo(2_500);
    assertThat(repo.lastSequence()).isEqualTo(2_500);
    assertThat(repo.findBySerial(BigInteger.valueOf(1_777))).contains(many.get(1_776));
  }

  // ---- issuer and serial ----

  @Test
  void issuerAndSerialComparesIssuersAsX500Names() {
    CertificateRecord r =
        new CertificateRecord(
            BigInteger.valueOf(42),
            "CN=Root, O=Test",
            CertificateKind.AUTHORITY,
            Optional.empty(),
            Optional.empty(),
            Optional.of(RemotePartyRole.ROOT),
            CertificateUsage.DS,
            CertificateStatus.IN_USE,
            T0,
            SyntheticCertificates.der(42, 100));
    repo.add(r);

    BigInteger serial = BigInteger.valueOf(42);
    assertThat(repo.findByIssuerAndSerial("CN=Root, O=Test", serial)).contains(r);
    assertThat(repo.findByIssuerAndSerial("cn=Root,o=Test", serial)).contains(r);
    assertThat(repo.findByIssuerAndSerial("CN=root,O=TEST", serial)).contains(r);
    assertThat(repo.findByIssuerAndSerial("  CN = Root ,  O = Test ", serial)).contains(r);
    assertThat(repo.findByIssuerAndSerial("O=Test,CN=Root", serial))
        .as("RDN order matters")
        .isEmpty();
    assertThat(repo.findByIssuerAndSerial("CN=Root,O=Other", serial)).isEmpty();
    assertThat(repo.findByIssuerAndSerial("CN=Root, O=Test", BigInteger.valueOf(43))).isEmpty();
    assertThat(repo.findByIssuerAndSerial("not a name", serial)).isEmpty();
  }

  @Test
  void issuerAndSerialUnderstandsBouncyCastleAttributeNames() {
    // Bouncy Castle writes x500UniqueIdentifier as UniqueIdentifier; the JDK writes its OID.
    String bc = "CN=Z1 Organisation CA,OU=07,UniqueIdentifier=#03090090b3d51f30010000";
    String jdk = "cn=z1 organisation ca,ou=07,2.5.4.45=#03090090B3D51F30010000";
    CertificateRecord template = authority(77, ORGANISATION_EUIS.get(0));
    CertificateRecord r =
        new CertificateRecord(
            template.serial(),
            bc,
            template.kind(),
            template.subjectEui(),
            template.subjectAltNameEui(),
            template.role(),
            template.usage(),
            template.status(),
            template.statusChangedAt(),
            template.der());
    repo.add(r);
    assertThat(repo.findByIssuerAndSerial(jdk, BigInteger.valueOf(77))).contains(r);
    assertThat(repo.findByIssuerAndSerial(bc, BigInteger.valueOf(77))).contains(r);
  }

  // ---- search ----

  private List<CertificateRecord> population() {
    List<CertificateRecord> all = new ArrayList<>();
    Random random = new Random(20210624);
    long serial = 1_000;
    for (int i = 0; i < 60; i++) {
      serial += 1 + random.nextInt(1_000);
      CertificateRecord r = SyntheticCertificates.random(random, 1);
      all.add(
          new CertificateRecord(
              BigInteger.valueOf(serial),
              r.issuer(),
              r.kind(),
              r.subjectEui(),
              r.subjectAltNameEui(),
              r.role(),
              r.usage(),
              CertificateStatus.values()[random.nextInt(CertificateStatus.values().length)],
              T0,
              r.der()));
    }
    // Add in a shuffled order: results must come back ordered by serial anyway.
    List<CertificateRecord> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, random);
    shuffled.forEach(repo::add);
    return all;
  }

  private static List<CertificateRecord> expected(
      List<CertificateRecord> all, CertificateQuery query) {
    return all.stream()
        .filter(query::matches)
        .sorted(Comparator.comparing(CertificateRecord::serial))
        .limit(query.limit())
        .collect(Collectors.toList());
  }

  @Test
  void searchByEachCriterionReturnsMatchesOrderedBySerial() {
    List<CertificateRecord> all = population();
    List<CertificateQuery> queries = new ArrayList<>();
    queries.add(CertificateQuery.all());
    ORGANISATION_EUIS.forEach(e -> queries.add(CertificateQuery.bySubjectEui(e)));
    DEVICE_EUIS.forEach(e -> queries.add(CertificateQuery.bySubjectAltNameEui(e)));
    for (RemotePartyRole role :
        List.of(RemotePartyRole.SUPPLIER, RemotePartyRole.XML_SIGN, RemotePartyRole.ROOT)) {
      queries.add(CertificateQuery.all().withRole(role));
    }
    for (CertificateUsage u : CertificateUsage.values()) {
      queries.add(CertificateQuery.all().withUsage(u));
    }
    for (CertificateStatus s : CertificateStatus.values()) {
      queries.add(CertificateQuery.all().withStatus(s));
    }
    for (CertificateQuery q : queries) {
      assertThat(repo.search(q)).as(q.toString()).isEqualTo(expected(all, q));
    }
    assertThat(repo.search(CertificateQuery.all())).hasSize(60);
    assertThat(repo.search(CertificateQuery.bySubjectEui(Eui64.of(1)))).isEmpty();
  }

  @Test
  void searchCombinesCriteriaAndHonoursLimits() {
    List<CertificateRecord> all = population();
    List<CertificateQuery> queries = new ArrayList<>();
    for (Eui64 e : ORGANISATION_EUIS) {
      for (CertificateUsage u : CertificateUsage.values()) {
        queries.add(CertificateQuery.bySubjectEui(e).withUsage(u));
        queries.add(
            CertificateQuery.bySubjectEui(e)
                .withUsage(u)
                .withRole(RemotePartyRole.SUPPLIER)
                .withStatus(CertificateStatus.IN_USE));
      }
    }
    for (Eui64 e : DEVICE_EUIS) {
      queries.add(CertificateQuery.bySubjectAltNameEui(e).withStatus(CertificateStatus.REVOKED));
      queries.add(CertificateQuery.bySubjectAltNameEui(e).withLimit(1));
      // A device certificate has no subject EUI, so both EUIs never match together.
      queries.add(CertificateQuery.bySubjectAltNameEui(e).withSubjectEui(ORGANISATION_EUIS.get(0)));
    }
    queries.add(CertificateQuery.all().withLimit(1));
    queries.add(CertificateQuery.all().withLimit(7));
    queries.add(CertificateQuery.all().withUsage(CertificateUsage.DS).withLimit(3));
    for (CertificateQuery q : queries) {
      assertThat(repo.search(q)).as(q.toString()).isEqualTo(expected(all, q));
    }
    assertThat(repo.search(CertificateQuery.all().withLimit(7)))
        .extracting(CertificateRecord::serial)
        .isSortedAccordingTo(Comparator.naturalOrder())
        .hasSize(7);
  }

  @Test
  void searchSeesStatusChanges() {
    CertificateRecord r =
        device(5, DEVICE_EUIS.get(2), CertificateUsage.KA, CertificateStatus.IN_USE);
    repo.add(r);
    repo.changeStatus(r.serial(), CertificateStatus.REVOKED, T1);
    assertThat(repo.search(CertificateQuery.all().withStatus(CertificateStatus.IN_USE))).isEmpty();
    assertThat(repo.search(CertificateQuery.all().withStatus(CertificateStatus.REVOKED)))
        .containsExactly(r.withStatus(CertificateStatus.REVOKED, T1));
  }

  // ---- status changes ----

  @Test
  void changeStatusRecordsTheNewStatusAndItsTime() {
    CertificateRecord r =
        organisation(
            9,
            ORGANISATION_EUIS.get(1),
            RemotePartyRole.XML_SIGN,
            CertificateUsage.DS,
            CertificateStatus.PENDING);
    repo.add(r);

    Optional<CertificateRecord> changed =
        repo.changeStatus(r.serial(), CertificateStatus.IN_USE, T1);
    assertThat(changed).contains(r.withStatus(CertificateStatus.IN_USE, T1));
    assertThat(repo.findBySerial(r.serial())).isEqualTo(changed);

    repo.changeStatus(r.serial(), CertificateStatus.REVOKED, T2);
    CertificateRecord now = repo.findBySerial(r.serial()).orElseThrow();
    assertThat(now.status()).isEqualTo(CertificateStatus.REVOKED);
    assertThat(now.statusChangedAt()).isEqualTo(T2);
    assertThat(now.der()).isEqualTo(r.der());
  }

  @Test
  void changingToTheSameStatusIsANoOp() {
    CertificateRecord r =
        device(9, DEVICE_EUIS.get(0), CertificateUsage.DS, CertificateStatus.IN_USE);
    repo.add(r);
    long sequence = repo.lastSequence();
    assertThat(repo.changeStatus(r.serial(), CertificateStatus.IN_USE, T2)).contains(r);
    assertThat(repo.lastSequence()).isEqualTo(sequence);
    assertThat(repo.findBySerial(r.serial())).contains(r);
  }

  @Test
  void changingAnUnknownSerialFindsNothingAndAppendsNothing() {
    assertThat(repo.changeStatus(BigInteger.TEN, CertificateStatus.REVOKED, T1)).isEmpty();
    assertThat(repo.lastSequence()).isZero();
    assertThat(repo.count()).isZero();
  }

  @Test
  void countsFollowStatusChanges() {
    for (int i = 1; i <= 10; i++) {
      repo.add(device(i, DEVICE_EUIS.get(i % 4), CertificateUsage.KA, CertificateStatus.PENDING));
    }
    for (int i = 1; i <= 6; i++) {
      repo.changeStatus(BigInteger.valueOf(i), CertificateStatus.IN_USE, T1);
    }
    repo.changeStatus(BigInteger.ONE, CertificateStatus.REVOKED, T2);
    assertThat(repo.count()).isEqualTo(10);
    assertThat(repo.count(CertificateStatus.PENDING)).isEqualTo(4);
    assertThat(repo.count(CertificateStatus.IN_USE)).isEqualTo(5);
    assertThat(repo.count(CertificateStatus.REVOKED)).isEqualTo(1);
    assertThat(repo.count(CertificateStatus.EXPIRED)).isZero();
    assertThat(repo.count(CertificateStatus.NOT_IN_USE)).isZero();
  }

  // ---- change feed ----

  @Test
  void theChangeFeedListsAddsAndStatusChangesInOrder() {
    CertificateRecord a =
        device(30, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.PENDING);
    CertificateRecord b =
        device(20, DEVICE_EUIS.get(1), CertificateUsage.DS, CertificateStatus.PENDING);
    repo.add(a);
    repo.add(b);
    repo.changeStatus(a.serial(), CertificateStatus.IN_USE, T1);
    repo.add(a); // idempotent: no change
    repo.changeStatus(a.serial(), CertificateStatus.IN_USE, T2); // same status: no change
    repo.changeStatus(b.serial(), CertificateStatus.REVOKED, T2);

    List<CertificateChange> feed = repo.changesAfter(0, 100);
    assertThat(feed)
        .containsExactly(
            new CertificateChange(1, CertificateChange.Type.ADDED, a),
            new CertificateChange(2, CertificateChange.Type.ADDED, b),
            new CertificateChange(
                3,
                CertificateChange.Type.STATUS_CHANGED,
                a.withStatus(CertificateStatus.IN_USE, T1)),
            new CertificateChange(
                4,
                CertificateChange.Type.STATUS_CHANGED,
                b.withStatus(CertificateStatus.REVOKED, T2)));
    assertThat(repo.lastSequence()).isEqualTo(4);
  }

  @Test
  void theChangeFeedPagesByAfterSequenceAndLimit() {
    for (int i = 1; i <= 25; i++) {
      repo.add(device(i, DEVICE_EUIS.get(i % 4), CertificateUsage.KA, CertificateStatus.IN_USE));
    }
    assertThat(repo.changesAfter(0, 10))
        .extracting(CertificateChange::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    assertThat(repo.changesAfter(10, 10))
        .extracting(CertificateChange::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(11, 20).boxed().toList());
    assertThat(repo.changesAfter(20, 10))
        .extracting(CertificateChange::sequence)
        .containsExactly(21L, 22L, 23L, 24L, 25L);
    assertThat(repo.changesAfter(25, 10)).isEmpty();
    assertThat(repo.changesAfter(1_000, 10)).isEmpty();
    assertThat(repo.changesAfter(-5, 1))
        .extracting(CertificateChange::sequence)
        .containsExactly(1L);
    assertThatThrownBy(() -> repo.changesAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangeCarriesTheRecordAsItStoodThenNotAsItStandsNow() {
    CertificateRecord r =
        device(3, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.PENDING);
    repo.add(r);
    repo.changeStatus(r.serial(), CertificateStatus.IN_USE, T1);
    repo.changeStatus(r.serial(), CertificateStatus.REVOKED, T2);
    assertThat(repo.changesAfter(0, 10))
        .extracting(c -> c.record().status(), c -> c.record().statusChangedAt())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CertificateStatus.PENDING, T0),
            org.assertj.core.groups.Tuple.tuple(CertificateStatus.IN_USE, T1),
            org.assertj.core.groups.Tuple.tuple(CertificateStatus.REVOKED, T2));
  }

  // ---- scan ----

  @Test
  void scanStreamsEverythingOrderedBySerial() {
    List<CertificateRecord> all = population();
    List<CertificateRecord> seen = new ArrayList<>();
    assertThat(repo.scan(seen::add)).isEqualTo(60);
    assertThat(seen)
        .containsExactlyElementsOf(
            all.stream().sorted(Comparator.comparing(CertificateRecord::serial)).toList());
  }

  @Test
  void scanCoversManyPages() {
    List<CertificateRecord> many = new ArrayList<>();
    Random random = new Random(5);
    Set<Long> serials = new HashSet<>();
    while (serials.size() < 3_000) {
      serials.add(1 + (random.nextLong() >>> 2));
    }
    for (long s : serials) {
      many.add(
          device(s, DEVICE_EUIS.get((int) (s % 4)), CertificateUsage.DS, CertificateStatus.IN_USE));
    }
    repo.addAll(many);
    List<BigInteger> seen = new ArrayList<>();
    assertThat(repo.scan(r -> seen.add(r.serial()))).isEqualTo(3_000);
    assertThat(seen)
        .containsExactlyElementsOf(serials.stream().sorted().map(BigInteger::valueOf).toList());
  }

  @Test
  void scanIsStableWhileTheSinkWritesToTheRepository() {
    for (int i = 1; i <= 200; i++) {
      repo.add(
          device(i * 10L, DEVICE_EUIS.get(i % 4), CertificateUsage.KA, CertificateStatus.IN_USE));
    }
    List<BigInteger> seen = new ArrayList<>();
    long[] next = {1};
    repo.scan(
        r -> {
          seen.add(r.serial());
          // Writes behind and ahead of the scan position while it runs.
          repo.add(
              device(
                  next[0]++ * 10 + 5,
                  DEVICE_EUIS.get(0),
                  CertificateUsage.DS,
                  CertificateStatus.PENDING));
          repo.changeStatus(
              BigInteger.valueOf(2_000 - r.serial().longValue() + 10),
              CertificateStatus.REVOKED,
              T1);
        });
    List<BigInteger> originals =
        LongStream.rangeClosed(1, 200).mapToObj(i -> BigInteger.valueOf(i * 10)).toList();
    assertThat(seen).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
    assertThat(seen).containsAll(originals);
    assertThat(repo.count()).isEqualTo(400);
  }

  // ---- closing ----

  @Test
  void aClosedRepositoryRefusesWork() {
    repo.add(device(1, DEVICE_EUIS.get(0), CertificateUsage.DS, CertificateStatus.IN_USE));
    repo.close();
    assertThatThrownBy(() -> repo.count()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                repo.add(
                    device(2, DEVICE_EUIS.get(0), CertificateUsage.DS, CertificateStatus.IN_USE)))
        .isInstanceOf(IllegalStateException.class);
    repo.close(); // closing twice is harmless
  }

  // ---- concurrency ----

  @Test
  void concurrentWritersKeepTheFeedGaplessForAReaderThatFollowsIt() throws Exception {
    int writers = 4;
    int perWriter = 80;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      FeedFollower reader = new FeedFollower(pool, start, repo, 64);
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        jobs.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perWriter; i++) {
                    long serial = writer * 1_000_000L + i + 1;
                    CertificateRecord r =
                        device(
                            serial,
                            DEVICE_EUIS.get(i % 4),
                            CertificateUsage.KA,
                            CertificateStatus.PENDING);
                    if (i % 10 == 9) {
                      repo.addAll(List.of(r));
                    } else {
                      repo.add(r);
                    }
                    if (i % 3 == 0) {
                      repo.changeStatus(r.serial(), CertificateStatus.IN_USE, T1);
                    }
                    // Another writer's record too, when it exists: contention on one row.
                    repo.changeStatus(
                        BigInteger.valueOf(((writer + 1) % writers) * 1_000_000L + 1),
                        CertificateStatus.values()[i % 5],
                        T2);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> job : jobs) {
        job.get(2, TimeUnit.MINUTES);
      }
      List<Long> readerSaw = reader.finish();

      assertThat(repo.count()).isEqualTo((long) writers * perWriter);
      long last = repo.lastSequence();
      assertThat(readerSaw)
          .as("the reader saw every sequence once, in order, without skipping one")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());

      // Replaying the feed reproduces the repository.
      Map<BigInteger, CertificateRecord> replayed = new TreeMap<>();
      long after = 0;
      List<CertificateChange> page;
      while (!(page = repo.changesAfter(after, 500)).isEmpty()) {
        for (CertificateChange c : page) {
          replayed.put(c.record().serial(), c.record());
          after = c.sequence();
        }
      }
      List<CertificateRecord> scanned = new ArrayList<>();
      repo.scan(scanned::add);
      assertThat(scanned).containsExactlyElementsOf(replayed.values());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentAddsOfTheSameSerialAddItOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<CertificateRecord>> adds = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        adds.add(
            pool.submit(
                () -> {
                  start.await();
                  CertificateRecord last = null;
                  for (int i = 1; i <= 50; i++) {
                    last =
                        repo.add(
                            device(
                                i,
                                DEVICE_EUIS.get(thread),
                                CertificateUsage.KA,
                                CertificateStatus.IN_USE));
                  }
                  return last;
                }));
      }
      start.countDown();
      Set<CertificateRecord> winners = new HashSet<>();
      for (Future<CertificateRecord> f : adds) {
        winners.add(f.get(1, TimeUnit.MINUTES));
      }
      assertThat(winners).as("every caller was told the one record held").hasSize(1);
      assertThat(repo.count()).isEqualTo(50);
      assertThat(repo.lastSequence()).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- against a model ----

  /** One step of a property run. */
  sealed interface Step permits Add, AddAll, Change {}

  record Add(CertificateRecord record) implements Step {}

  record AddAll(List<CertificateRecord> records) implements Step {}

  record Change(long serial, CertificateStatus status, long second) implements Step {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> add = SyntheticCertificates.records(40).map(Add::new);
    Arbitrary<Step> addAll = SyntheticCertificates.records(40).list().ofMaxSize(8).map(AddAll::new);
    Arbitrary<Step> change =
        Combinators.combine(
                Arbitraries.longs().between(1, 40),
                Arbitraries.of(CertificateStatus.class),
                Arbitraries.longs().between(1_600_000_000L, 1_700_000_000L))
            .as(Change::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, add),
            net.jqwik.api.Tuple.of(1, addAll),
            net.jqwik.api.Tuple.of(4, change))
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 20)
  void behavesLikeASortedMapWithAFeed(@ForAll("steps") List<Step> steps) {
    if (!storeAvailable()) {
      return;
    }
    try (CertificateRepository r = newRepository()) {
      TreeMap<BigInteger, CertificateRecord> model = new TreeMap<>();
      long changes = 0;
      for (Step step : steps) {
        if (step instanceof Add a) {
          CertificateRecord held = r.add(a.record());
          if (model.putIfAbsent(a.record().serial(), a.record()) == null) {
            changes++;
          }
          assertThat(held).isEqualTo(model.get(a.record().serial()));
        } else if (step instanceof AddAll a) {
          int fresh = 0;
          for (CertificateRecord rec : a.records()) {
            if (model.putIfAbsent(rec.serial(), rec) == null) {
              fresh++;
            }
          }
          assertThat(r.addAll(a.records())).isEqualTo(fresh);
          changes += fresh;
        } else if (step instanceof Change c) {
          BigInteger serial = BigInteger.valueOf(c.serial());
          Instant when = Instant.ofEpochSecond(c.second());
          CertificateRecord held = model.get(serial);
          if (held != null && held.status() != c.status()) {
            model.put(serial, held.withStatus(c.status(), when));
            changes++;
          }
          assertThat(r.changeStatus(serial, c.status(), when))
              .isEqualTo(Optional.ofNullable(model.get(serial)));
        }
      }
      assertThat(r.count()).isEqualTo(model.size());
      assertThat(r.lastSequence()).isEqualTo(changes);
      for (CertificateStatus s : CertificateStatus.values()) {
        assertThat(r.count(s))
            .isEqualTo(model.values().stream().filter(x -> x.status() == s).count());
      }
      List<CertificateRecord> scanned = new ArrayList<>();
      r.scan(scanned::add);
      assertThat(scanned).containsExactlyElementsOf(model.values());
      for (long s = 1; s <= 40; s++) {
        assertThat(r.findBySerial(BigInteger.valueOf(s)))
            .isEqualTo(Optional.ofNullable(model.get(BigInteger.valueOf(s))));
      }
      for (Eui64 e : DEVICE_EUIS) {
        CertificateQuery q = CertificateQuery.bySubjectAltNameEui(e);
        assertThat(r.search(q)).isEqualTo(expected(new ArrayList<>(model.values()), q));
      }
      CertificateQuery q =
          CertificateQuery.bySubjectEui(ORGANISATION_EUIS.get(0))
              .withStatus(CertificateStatus.IN_USE)
              .withLimit(3);
      assertThat(r.search(q)).isEqualTo(expected(new ArrayList<>(model.values()), q));

      Map<BigInteger, CertificateRecord> replayed = new TreeMap<>();
      for (CertificateChange c : r.changesAfter(0, 10_000)) {
        replayed.put(c.record().serial(), c.record());
      }
      assertThat(replayed).isEqualTo(model);
    }
  }
}
