package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.pipeline.TargetCheck;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import io.dccsim.smki.pki.Credential;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Every Service Reference Variant of the DUIS 5.4 catalogue, through the whole pipeline of a
 * simulator with its default catalogue: a command variant the SRV does not allow is E12, an allowed
 * one on another web service's URL is E13 (both before the role is looked at), an ineligible role
 * is E2, and an eligible User on the right URL gets E11 unless the SRV is simulated (all of them
 * are: the sixteen non-device SRs' handlers read the body; a device SR is acknowledged, or, when
 * critical, answered with its pre-command). Every answer is a DUIS answer signed by the DCC.
 */
class CatalogueEnvelopeTest {
  // a device of the synthetic estate every simulator's inventory holds by default
  private static final Eui64 METER =
      io.dccsim.core.inventory.SyntheticEstate.devices(1, 1L).get(0).eui();
  private static final Map<UserRole, SupplierClient> CLIENTS = new EnumMap<>(UserRole.class);
  private static final List<Exchange> EXCHANGES = new CopyOnWriteArrayList<>();
  private static Simulator dcc;

  @BeforeAll
  static void start() {
    dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .start();
    dcc.addExchangeListener(EXCHANGES::add);
    int n = 1;
    for (UserRole role : UserRole.values()) {
      Eui64 eui = Eui64.parse(String.format("90-B3-D5-1F-30-0C-00-%02X", n++));
      Credential c = dcc.pki().xmlSigningCredential(eui);
      dcc.trust(c.certificate());
      dcc.users().register(eui, role);
      CLIENTS.put(role, new SupplierClient(dcc.baseUrl(), c, eui, dcc.dccCertificate()));
    }
  }

  @AfterAll
  static void stop() {
    dcc.close();
  }

  static Stream<ServiceDefinition> catalogue() {
    return ServiceCatalogue.duis54().definitions().stream();
  }

  /** The body a critical SR is sent with: a flat-rate tariff for 1.1.1, which the meter reads. */
  private static Element bodyFor(ServiceDefinition d) {
    if (!d.variant().toString().equals("1.1.1")) {
      return thing();
    }
    return SecureXml.withDefaults()
        .parse(
            ("<sr:UpdateImportTariffPrimaryElement"
                    + " xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\">"
                    + "<sr:ElecTariffElements><sr:CurrencyUnits>GBP</sr:CurrencyUnits>"
                    + "<sr:SwitchingTable/></sr:ElecTariffElements><sr:PriceElements>"
                    + "<sr:ElectricityPriceElements><sr:StandingCharge>100</sr:StandingCharge>"
                    + "<sr:StandingChargeScale>-2</sr:StandingChargeScale>"
                    + "<sr:PriceScale>-2</sr:PriceScale></sr:ElectricityPriceElements>"
                    + "</sr:PriceElements></sr:UpdateImportTariffPrimaryElement>")
                .getBytes(StandardCharsets.UTF_8))
        .getDocumentElement();
  }

  private static Element thing() {
    return SecureXml.withDefaults()
        .parse(
            "<sr:Thing xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"/>"
                .getBytes(StandardCharsets.UTF_8))
        .getDocumentElement();
  }

  /** Sends {@code d} as {@code role} with {@code cv} to {@code service}; the response code. */
  private static String send(
      ServiceDefinition d, UserRole role, CommandVariant cv, WebService service) throws Exception {
    SupplierClient client = CLIENTS.get(role);
    long counter = client.nextId().counter();
    Eui64 originator = client.nextId().originator();
    RequestId id = new RequestId(originator, d.isDevice() ? METER : Simulator.DCC_EUI, counter);
    EXCHANGES.clear();
    ServiceResponse r =
        client.send(
            service.path(),
            client.signed(SchemaVersion.V5_4, id, cv, d.variant(), RawRequestBody.of(thing())));
    assertThat(r.header().requestId()).hasValue(id);
    assertThat(r.body()).isEqualTo(RawResponseBody.empty(d.variant()));
    return r.header().responseCode().code();
  }

  /** The exchange of the request just sent. */
  private static Exchange last() {
    await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(() -> !EXCHANGES.isEmpty());
    return EXCHANGES.get(0);
  }

  private static Optional<UserRole> ineligible(ServiceDefinition d) {
    return Stream.of(UserRole.values()).filter(r -> !d.isEligible(r)).findFirst();
  }

  /** An eligible role, or any when none is (the E12/E13 checks come before the role's). */
  private static UserRole sender(ServiceDefinition d) {
    return d.eligibleRoles().stream().findFirst().orElse(UserRole.IMPORT_SUPPLIER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void aCommandVariantTheSrvDoesNotAllowIsE12(ServiceDefinition d) throws Exception {
    List<UserRole> senders = new ArrayList<>(List.of(sender(d)));
    ineligible(d).ifPresent(senders::add);
    for (CommandVariant cv : CommandVariant.values()) {
      if (d.allows(cv)) {
        continue;
      }
      for (UserRole role : senders) {
        assertThat(send(d, role, cv, cv.webService()))
            .as(d.variant() + " with command variant " + cv.code() + " as " + role)
            .isEqualTo("E12");
        assertThat(last().reason()).startsWith("command-variant-mismatch");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void anAllowedCommandVariantOnAnotherUrlIsE13(ServiceDefinition d) throws Exception {
    List<UserRole> senders = new ArrayList<>(List.of(sender(d)));
    ineligible(d).ifPresent(senders::add);
    for (CommandVariant cv : d.commandVariants()) {
      for (WebService wrong : WebService.values()) {
        if (wrong == cv.webService()) {
          continue;
        }
        for (UserRole role : senders) {
          assertThat(send(d, role, cv, wrong))
              .as(d.variant() + " with command variant " + cv.code() + " on " + wrong.path())
              .isEqualTo("E13");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void anIneligibleRoleIsE2AndAnEligibleOneReachesTheHandler(ServiceDefinition d) throws Exception {
    CommandVariant first = d.commandVariants().iterator().next();
    for (UserRole role : UserRole.values()) {
      String as = d.variant() + " with command variant " + first.code() + " as " + role;
      if (!d.isEligible(role)) {
        assertThat(send(d, role, first, first.webService())).as(as).isEqualTo("E2");
        assertThat(last().verdict()).isEqualTo(Verdict.REFUSED_AUTHORISATION);
        assertThat(last().reason()).startsWith("role-not-eligible");
      } else if (!d.simulated()) {
        assertThat(send(d, role, first, first.webService())).as(as).isEqualTo("E11");
        assertThat(last().verdict()).isEqualTo(Verdict.NOT_SIMULATED);
      }
      // a simulated SR's handler reads its body: see everySimulatedSrvHasAHandler...
    }
    // every allowed command variant on its own URL passes the envelope checks
    if (!d.simulated() && !d.eligibleRoles().isEmpty()) {
      for (CommandVariant cv : d.commandVariants()) {
        assertThat(send(d, sender(d), cv, cv.webService()))
            .as(d.variant() + " with command variant " + cv.code())
            .isEqualTo("E11");
      }
    }
  }

  @Test
  void everySimulatedSrvHasAHandlerAndNoOtherDoes() throws Exception {
    // the sixteen non-device SRs have their own handlers
    assertThat(catalogue().filter(d -> d.simulated() && !d.isDevice()))
        .extracting(d -> d.variant().toString())
        .containsExactlyInAnyOrder(
            "5.1", "5.2", "5.3", "8.2", "8.3", "8.4", "8.6", "8.13", "8.14.1", "8.14.2", "8.14.3",
            "8.14.4", "11.1", "11.4", "12.1", "12.2");
    // every device SR goes to the simulated device, the critical ones through the pre-command
    assertThat(catalogue().filter(ServiceDefinition::isDevice)).allMatch(d -> d.simulated());
    for (ServiceDefinition d : catalogue().filter(ServiceDefinition::simulated).toList()) {
      SupplierClient client = CLIENTS.get(sender(d));
      if (d.eligibleRoles().isEmpty()) {
        continue; // every User is E2: see anIneligibleRoleIsE2...
      }
      if (d.isDevice() && d.critical()) {
        // a critical one is answered with the pre-command for the User to sign
        RequestId id =
            new RequestId(client.nextId().originator(), METER, client.nextId().counter());
        ServiceResponse r =
            client.send(
                WebService.TRANSFORM.path(),
                client.signed(
                    SchemaVersion.V5_4,
                    id,
                    CommandVariant.TRANSFORM_TO_PRE_COMMAND,
                    d.variant(),
                    RawRequestBody.of(bodyFor(d))));
        assertThat(r.header().responseCode().code()).as(d.variant().toString()).isEqualTo("I0");
        assertThat(((RawResponseBody) r.body()).localName()).hasValue("PreCommand");
        continue;
      }
      if (d.isDevice()) {
        // the device's answer comes later: the request is acknowledged, its body not read
        RequestId id =
            new RequestId(client.nextId().originator(), METER, client.nextId().counter());
        ServiceResponse r =
            client.send(
                WebService.SEND_COMMAND.path(),
                client.signed(
                    SchemaVersion.V5_4,
                    id,
                    CommandVariant.SEND_VIA_WAN,
                    d.variant(),
                    RawRequestBody.of(thing())));
        assertThat(r.header().responseCode().code()).as(d.variant().toString()).isEqualTo("I99");
        continue;
      }
      // a non-device handler reads the body: one that is not its own is refused as malformed
      byte[] request =
          client.signed(
              SchemaVersion.V5_4,
              client.nextId(),
              CommandVariant.NON_DEVICE,
              d.variant(),
              RawRequestBody.of(thing()));
      java.net.http.HttpResponse<byte[]> r = client.post(WebService.NON_DEVICE.path(), request);
      assertThat(r.statusCode()).as(d.variant().toString()).isEqualTo(400);
      assertThat(new String(r.body(), StandardCharsets.UTF_8))
          .as(d.variant().toString())
          .contains("SR " + d.variant() + " takes a");
    }
    SupplierClient supplier = CLIENTS.get(UserRole.IMPORT_SUPPLIER);
    assertThat(
            supplier
                .send(supplier.wanMatrix(SchemaVersion.V5_4, SupplierClient.byUprn(1)))
                .header()
                .responseCode()
                .code())
        .isEqualTo("I0");
  }

  @Test
  void aDeviceTheDirectoryDoesNotKnowIsE19AndOneItKnowsIsAcknowledged() throws Exception {
    try (Simulator strict =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .devices(device -> !device.equals(METER))
            .start()) {
      SupplierClient supplier = SupplierClient.testSupplierOf(strict);
      ServiceDefinition read =
          ServiceCatalogue.duis54()
              .find(io.dccsim.core.value.ServiceReferenceVariant.parse("4.1.1"))
              .orElseThrow();
      Eui64 other = Eui64.parse("00-0D-6F-00-00-00-00-02");
      List<String> codes = readCodes(strict, supplier, read, List.of(METER, other));
      assertThat(codes).containsExactly(TargetCheck.WRONG_TARGET_CODE, "I99");
    }
  }

  @Test
  void byDefaultTheInventoryHoldsTheSyntheticEstateAndDecidesWhichDevicesAreKnown()
      throws Exception {
    for (int premises : new int[] {Simulator.DEFAULT_SYNTHETIC_PREMISES, 0}) {
      try (Simulator s =
          Simulator.builder()
              .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
              .syntheticEstate(premises)
              .start()) {
        assertThat(s.inventory().count()).isEqualTo(6L * premises);
        SupplierClient supplier = SupplierClient.testSupplierOf(s);
        ServiceDefinition read =
            ServiceCatalogue.duis54()
                .find(io.dccsim.core.value.ServiceReferenceVariant.parse("4.1.1"))
                .orElseThrow();
        List<String> codes =
            readCodes(s, supplier, read, List.of(METER, Eui64.parse("00-0D-6F-00-00-00-00-02")));
        assertThat(codes)
            .as(premises + " premises")
            .containsExactly(
                premises == 0 ? TargetCheck.WRONG_TARGET_CODE : "I99",
                TargetCheck.WRONG_TARGET_CODE);
      }
    }
  }

  /** The codes of {@code read}, sent via WAN by the test supplier to each target in turn. */
  private static List<String> readCodes(
      Simulator s, SupplierClient supplier, ServiceDefinition read, List<Eui64> targets)
      throws Exception {
    List<String> codes = new ArrayList<>();
    for (Eui64 target : targets) {
      RequestId id = new RequestId(s.testSupplier().eui(), target, supplier.nextId().counter());
      codes.add(
          supplier
              .send(
                  WebService.SEND_COMMAND.path(),
                  supplier.signed(
                      SchemaVersion.V5_4,
                      id,
                      CommandVariant.SEND_VIA_WAN,
                      read.variant(),
                      RawRequestBody.of(thing())))
              .header()
              .responseCode()
              .code());
    }
    return codes;
  }
}
