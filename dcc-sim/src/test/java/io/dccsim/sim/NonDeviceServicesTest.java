package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.FirmwareStatus;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.ExternalTool;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.smki.pki.Credential;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The sixteen non-device Service Requests, answered by their handlers over HTTP: each request
 * written in the shape of the DCC's public reference test messages (with devices of the synthetic
 * estate), its SR-specific refusals, and the inventory changes it makes. Every answer validates
 * under the project's DUIS schema and carries the DCC's signature.
 */
class NonDeviceServicesTest {
  private static final Instant NOW = Instant.parse("2021-07-01T09:00:00Z");
  private static final String SR = "xmlns:sr=\"" + Duis.NS + "\"";
  private static final AtomicInteger FRESH = new AtomicInteger();
  private static Simulator dcc;
  private static SupplierClient supplier;
  private static SupplierClient gasSupplier;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    dcc = Simulator.builder().clock(SimulatedClock.fixed(NOW)).start();
    supplier = SupplierClient.testSupplierOf(dcc);
    Eui64 gas = Eui64.parse("90-B3-D5-1F-30-03-00-00");
    Credential c = dcc.pki().xmlSigningCredential(gas);
    dcc.addUser(gas, UserRole.GAS_SUPPLIER, c);
    gasSupplier = new SupplierClient(dcc.baseUrl(), c, gas, dcc.dccCertificate());
  }

  @AfterAll
  static void stop() {
    dcc.close();
  }

  /** An answer: the code, the SR-specific element if any, and the bytes as sent. */
  record Answer(String code, Optional<Element> element, byte[] bytes) {
    String text(String localName) {
      return Duis.text(element.orElseThrow(), localName).orElseThrow();
    }

    List<Element> all(String localName) {
      List<Element> out = new ArrayList<>();
      collect(element.orElseThrow(), localName, out);
      return out;
    }

    private static void collect(Element e, String name, List<Element> out) {
      for (Element c : Duis.children(e)) {
        if (c.getLocalName().equals(name)) {
          out.add(c);
        }
        collect(c, name, out);
      }
    }
  }

  private static Answer send(String srv, String body) throws Exception {
    return send(supplier, SchemaVersion.V5_4, srv, body);
  }

  /**
   * Signs and sends a non-device request; checks HTTP 200, the DCC's signature, the schema and that
   * the answer names the request's RequestID and SRV.
   */
  private static Answer send(SupplierClient client, SchemaVersion version, String srv, String body)
      throws Exception {
    RequestId id = client.nextId();
    Element element =
        SecureXml.withDefaults()
            .parse(body.replaceFirst(">", " " + SR + ">").getBytes(StandardCharsets.UTF_8))
            .getDocumentElement();
    byte[] request =
        client.signed(
            version,
            id,
            CommandVariant.NON_DEVICE,
            ServiceReferenceVariant.parse(srv),
            RawRequestBody.of(element));
    HttpResponse<byte[]> http = client.post("/api/v1/serviceD", request);
    assertThat(http.statusCode())
        .as(new String(http.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    ServiceResponse r = client.verifyAndRead(http.body());
    Document doc = SecureXml.withDefaults().parse(http.body());
    DuisSchema.builtIn().validate(doc);
    assertThat(r.header().requestId()).hasValue(id);
    RawResponseBody message = (RawResponseBody) r.body();
    assertThat(message.variant().toString()).isEqualTo(srv);
    return new Answer(r.header().responseCode().code(), message.element(), http.body());
  }

  private static Device estate(DeviceType type, int premises) {
    return dcc.inventory().find(SyntheticEstate.eui(type, premises)).orElseThrow();
  }

  /** An EUI no device of the estate has. */
  private static Eui64 fresh() {
    return Eui64.parse(String.format("00-DB-12-34-56-78-%02X-%02X", 0x90, FRESH.incrementAndGet()));
  }

  /** A Communications Hub delivered to the installer but not yet installed. */
  private static Device pendingHub() {
    Device hub =
        Device.prenotified(
            fresh(),
            DeviceType.CHF,
            "Hub Maker",
            "CH-1",
            "0001",
            "CHTS V1.2",
            "3.2",
            Optional.empty());
    dcc.inventory().add(hub);
    return hub;
  }

  private static DeviceStatus status(Eui64 eui) {
    return dcc.inventory().find(eui).orElseThrow().status();
  }

  // ----- 12.2 Device Pre-notification and 8.2 Read Inventory

  @Test
  void aPrenotifiedDeviceIsPendingWithoutPremisesAndReadInventoryShowsIt() throws Exception {
    Eui64 meter = fresh();
    Answer added =
        send(
            "12.2",
            "<sr:DevicePrenotification><sr:DeviceID>"
                + meter
                + "</sr:DeviceID><sr:DeviceManufacturer>AB01</sr:DeviceManufacturer>"
                + "<sr:DeviceModel>010A030B</sr:DeviceModel><sr:DeviceType>ESME</sr:DeviceType>"
                + "<sr:SMETSCHTSVersion>SMETS V1.58</sr:SMETSCHTSVersion>"
                + "<sr:FirmwareVersion>0002012F</sr:FirmwareVersion>"
                + "<sr:ESMEVariant>AD</sr:ESMEVariant></sr:DevicePrenotification>");
    assertThat(added.code()).isEqualTo("I0");
    assertThat(added.element()).isEmpty();
    Device held = dcc.inventory().find(meter).orElseThrow();
    assertThat(held.status()).isEqualTo(DeviceStatus.PENDING);
    assertThat(held.postcode()).isEmpty();
    assertThat(held.supplier()).hasValue(dcc.testSupplier().eui());

    Answer read = send("8.2", readInventory("DeviceID", meter.toString()));
    assertThat(read.code()).isEqualTo("I0");
    List<Element> devices = read.all("Device");
    assertThat(devices).hasSize(1);
    assertThat(Duis.text(devices.get(0), "DeviceStatus")).hasValue("Pending");
    assertThat(Duis.text(devices.get(0), "DeviceModel")).hasValue("010A030B");
    assertThat(Duis.child(devices.get(0), "PropertyFilter")).isEmpty();

    assertThat(send("12.2", prenotification(meter, "ESME", "")).code()).isEqualTo("E120201");
  }

  private static String prenotification(Eui64 eui, String type, String extra) {
    return "<sr:DevicePrenotification><sr:DeviceID>"
        + eui
        + "</sr:DeviceID><sr:DeviceManufacturer>AB01</sr:DeviceManufacturer>"
        + "<sr:DeviceModel>M1</sr:DeviceModel><sr:DeviceType>"
        + type
        + "</sr:DeviceType>"
        + extra
        + "</sr:DevicePrenotification>";
  }

  @Test
  void prenotificationRefusesWhatItCannotAddAndAddsNothing() throws Exception {
    Eui64 hub = fresh();
    assertThat(send("12.2", prenotification(hub, "CHF", "")).code()).isEqualTo("E120202");
    Eui64 gas = fresh();
    assertThat(
            send("12.2", prenotification(gas, "GSME", "<sr:ESMEVariant>A</sr:ESMEVariant>")).code())
        .isEqualTo("E120203");
    Eui64 gpf = estate(DeviceType.GPF, 7).eui();
    Eui64 esme = fresh();
    assertThat(
            send(
                    "12.2",
                    prenotification(
                        esme,
                        "ESME",
                        "<sr:AssociatedGPFDeviceID>" + gpf + "</sr:AssociatedGPFDeviceID>"))
                .code())
        .isEqualTo("E120204");
    Eui64 notGpf = estate(DeviceType.ESME, 7).eui();
    assertThat(
            send(
                    "12.2",
                    prenotification(
                        gas,
                        "GSME",
                        "<sr:AssociatedGPFDeviceID>" + notGpf + "</sr:AssociatedGPFDeviceID>"))
                .code())
        .isEqualTo("E120204");
    for (Eui64 eui : List.of(hub, gas, esme)) {
      assertThat(dcc.inventory().find(eui)).isEmpty();
    }
    assertThat(
            send(
                    "12.2",
                    prenotification(
                        gas,
                        "GSME",
                        "<sr:AssociatedGPFDeviceID>" + gpf + "</sr:AssociatedGPFDeviceID>"))
                .code())
        .isEqualTo("I0");
  }

  private static String readInventory(String by, String value) {
    return "<sr:ReadInventory><sr:" + by + ">" + value + "</sr:" + by + "></sr:ReadInventory>";
  }

  @Test
  void readInventoryFindsByUprnMpxnAndPropertyFilterInEuiOrder() throws Exception {
    Device meter = estate(DeviceType.ESME, 11);
    Answer byUprn = send("8.2", readInventory("UPRN", Long.toString(meter.uprn().get().value())));
    assertThat(byUprn.code()).isEqualTo("I0");
    List<String> euis = byUprn.all("DeviceID").stream().map(e -> e.getTextContent()).toList();
    assertThat(euis).hasSize(6).isSorted();
    assertThat(euis).contains(meter.eui().toString());
    Element esme =
        byUprn.all("Device").stream()
            .filter(d -> Duis.text(d, "DeviceType").orElseThrow().equals("ESME"))
            .findFirst()
            .orElseThrow();
    assertThat(Duis.text(esme, "ImportMPxN")).hasValue(meter.mpxns().get(0));
    assertThat(Duis.text(esme, "CSPRegion")).hasValue(meter.cspRegion().get().xmlText());
    assertThat(Duis.text(esme, "Connectivity"))
        .isEqualTo(meter.connectivity().map(c -> c.duisText()));

    Answer byMpxn = send("8.2", readInventory("MPxN", meter.mpxns().get(0)));
    assertThat(byMpxn.all("DeviceID").stream().map(Element::getTextContent))
        .contains(meter.eui().toString());

    Answer byAddress =
        send(
            "8.2",
            "<sr:ReadInventory><sr:PropertyFilter><sr:PostCode>"
                + meter.postcode().get()
                + "</sr:PostCode><sr:AddressIdentifier>"
                + meter.addressIdentifier().get()
                + "</sr:AddressIdentifier></sr:PropertyFilter></sr:ReadInventory>");
    assertThat(byAddress.all("DeviceID").stream().map(Element::getTextContent).toList())
        .isEqualTo(euis);

    // before 5.4 there is no Connectivity to report
    Answer old =
        send(
            supplier, SchemaVersion.V5_1, "8.2", readInventory("DeviceID", meter.eui().toString()));
    assertThat(old.all("Connectivity")).isEmpty();
  }

  @Test
  void readInventoryAnswersItsOwnCodesForNothingAndForTooMuch() throws Exception {
    assertThat(send("8.2", readInventory("DeviceID", fresh().toString())).code())
        .isEqualTo("E080201");
    assertThat(send("8.2", readInventory("UPRN", "999999999999")).code()).isEqualTo("E080201");
    assertThat(send("8.2", readInventory("MPxN", "1234567")).code()).isEqualTo("E080201");
    Device meter = estate(DeviceType.ESME, 12);
    for (int i = 0; i < 12; i++) {
      dcc.inventory().add(copy(meter, fresh()));
    }
    // six of the estate and twelve more: one more than an answer may hold
    assertThat(send("8.2", readInventory("UPRN", Long.toString(meter.uprn().get().value()))).code())
        .isEqualTo("E080202");
  }

  private static Device copy(Device d, Eui64 eui) {
    return new Device(
        eui,
        d.type(),
        d.status(),
        d.manufacturer(),
        d.model(),
        d.firmwareVersion(),
        d.firmwareStatus(),
        d.smetsChtsVersion(),
        d.gbcsVersion(),
        List.of(),
        d.uprn(),
        d.postcode(),
        d.addressIdentifier(),
        d.cspRegion(),
        d.hanVariant(),
        d.connectivity(),
        d.supplier(),
        d.networkOperator());
  }

  // ----- 8.3 Decommission Device and 8.4 Update Inventory

  @Test
  void decommissionMovesAnInstalledDeviceOnce() throws Exception {
    Eui64 meter = estate(DeviceType.ESME, 13).eui();
    String body =
        "<sr:DecommissionDevice><sr:DeviceID>" + meter + "</sr:DeviceID></sr:DecommissionDevice>";
    assertThat(send("8.3", body).code()).isEqualTo("I0");
    assertThat(status(meter)).isEqualTo(DeviceStatus.DECOMMISSIONED);
    assertThat(send("8.3", body).code()).isEqualTo("E080302");
    assertThat(
            send(
                    "8.3",
                    "<sr:DecommissionDevice><sr:DeviceID>"
                        + fresh()
                        + "</sr:DeviceID></sr:DecommissionDevice>")
                .code())
        .isEqualTo("E080301");
  }

  @Test
  void updateInventoryCorrectsOrDeletesOnlyAPrenotifiedDevice() throws Exception {
    Eui64 meter = fresh();
    assertThat(send("12.2", prenotification(meter, "ESME", "")).code()).isEqualTo("I0");
    Answer corrected =
        send(
            "8.4",
            "<sr:UpdateInventory><sr:DeviceID>"
                + meter
                + "</sr:DeviceID><sr:DeviceManufacturer>CD02</sr:DeviceManufacturer>"
                + "<sr:DeviceModel>M2</sr:DeviceModel></sr:UpdateInventory>");
    assertThat(corrected.code()).isEqualTo("I0");
    assertThat(dcc.inventory().find(meter).orElseThrow().model()).isEqualTo("M2");
    String delete =
        "<sr:UpdateInventory><sr:DeviceID>"
            + meter
            + "</sr:DeviceID><sr:DeleteDevice/></sr:UpdateInventory>";
    assertThat(send("8.4", delete).code()).isEqualTo("I0");
    assertThat(dcc.inventory().find(meter)).isEmpty();
    assertThat(send("8.4", delete).code()).isEqualTo("E080401");
    Eui64 installed = estate(DeviceType.ESME, 14).eui();
    assertThat(
            send(
                    "8.4",
                    "<sr:UpdateInventory><sr:DeviceID>"
                        + installed
                        + "</sr:DeviceID><sr:DeleteDevice/></sr:UpdateInventory>")
                .code())
        .isEqualTo("E080402");
    assertThat(dcc.inventory().find(installed)).isPresent();
  }

  // ----- 8.6 Service Opt In

  private static String optIn(Eui64 eui, String type, String mpxn) {
    return "<sr:ServiceOptIn><sr:DeviceID>"
        + eui
        + "</sr:DeviceID><sr:DeviceType>"
        + type
        + "</sr:DeviceType><sr:MPxNs><sr:ImportMPxN>"
        + mpxn
        + "</sr:ImportMPxN></sr:MPxNs><sr:OptInDate>2021-07-01</sr:OptInDate></sr:ServiceOptIn>";
  }

  @Test
  void optInAnswersTheBrokersCertificatesForADeviceTheInventoryMatches() throws Exception {
    Device meter = estate(DeviceType.ESME, 15);
    Answer a = send("8.6", optIn(meter.eui(), "ESME", meter.mpxns().get(0)));
    assertThat(a.code()).isEqualTo("I0");
    assertThat(a.text("DeviceID")).isEqualTo(meter.eui().toString());
    java.security.cert.CertificateFactory cf =
        java.security.cert.CertificateFactory.getInstance("X.509");
    for (String name :
        List.of(
            "DSPBrokerSecurityCredentialsDigitalSigning",
            "DSPBrokerSecurityCredentialsKeyAgreement")) {
      java.security.cert.X509Certificate cert =
          (java.security.cert.X509Certificate)
              cf.generateCertificate(
                  new java.io.ByteArrayInputStream(Base64.getDecoder().decode(a.text(name))));
      // OU 04: the Access Control Broker
      assertThat(cert.getSubjectX500Principal().getName()).contains("OU=04");
    }
    assertThat(send("8.6", optIn(fresh(), "ESME", "1312345678111")).code()).isEqualTo("E080601");
    assertThat(send("8.6", optIn(meter.eui(), "GSME", meter.mpxns().get(0))).code())
        .isEqualTo("E080602");
    assertThat(send("8.6", optIn(meter.eui(), "ESME", "1312345678111")).code())
        .isEqualTo("E080603");
  }

  // ----- 8.13 Return Local Command Response

  private static String localResponse(RequestId original, byte[] gbcs) {
    return "<sr:ReturnLocalCommandResponse><sr:OriginalRequestID>"
        + original
        + "</sr:OriginalRequestID><sr:DeviceGBCSResponse>"
        + Base64.getEncoder().encodeToString(gbcs)
        + "</sr:DeviceGBCSResponse></sr:ReturnLocalCommandResponse>";
  }

  @Test
  void aLocalCommandResponseIsAcknowledgedOnlyFromItsOwnUserAndWhenItIsGbcs() throws Exception {
    Eui64 meter = estate(DeviceType.ESME, 16).eui();
    byte[] gbcs = {(byte) 0xDF, 0x09, 0x02, 0, 0, 0, 0, 0, 0, 0, 1};
    RequestId mine = new RequestId(dcc.testSupplier().eui(), meter, 1000);
    assertThat(send("8.13", localResponse(mine, gbcs)).code()).isEqualTo("I0");
    RequestId theirs = new RequestId(Eui64.parse("90-B3-D5-1F-30-03-00-00"), meter, 1000);
    assertThat(send("8.13", localResponse(theirs, gbcs)).code()).isEqualTo("E081301");
    assertThat(
            send("8.13", localResponse(mine, "hello".getBytes(StandardCharsets.US_ASCII))).code())
        .isEqualTo("E081302");
  }

  // ----- 8.14.x Communications Hub Status Update

  private static String install(String element, Eui64 hub, String mpxn, String extra) {
    return "<sr:"
        + element
        + "><sr:DeviceID>"
        + hub
        + "</sr:DeviceID><sr:CHFInstallType>New CHF Install</sr:CHFInstallType><sr:MPxN>"
        + mpxn
        + "</sr:MPxN><sr:AerialInstall>true</sr:AerialInstall>"
        + "<sr:CHFLocation>Basement or Cellar</sr:CHFLocation>"
        + extra
        + "</sr:"
        + element
        + ">";
  }

  @Test
  void installingAHubCommissionsItAtTheMetersPremises() throws Exception {
    Device hub = pendingHub();
    Device meter = estate(DeviceType.ESME, 17);
    assertThat(
            send("8.14.1", install("CHFInstallSuccessSMWAN", hub.eui(), meter.mpxns().get(0), ""))
                .code())
        .isEqualTo("I0");
    Device installed = dcc.inventory().find(hub.eui()).orElseThrow();
    assertThat(installed.status()).isEqualTo(DeviceStatus.COMMISSIONED);
    assertThat(installed.uprn()).isEqualTo(meter.uprn());
    assertThat(installed.postcode()).isEqualTo(meter.postcode());
    assertThat(installed.mpxns()).contains(meter.mpxns().get(0));
    // once commissioned it cannot be installed again
    assertThat(
            send("8.14.1", install("CHFInstallSuccessSMWAN", hub.eui(), meter.mpxns().get(0), ""))
                .code())
        .isEqualTo("E081402");
    assertThat(
            send("8.14.1", install("CHFInstallSuccessSMWAN", meter.eui(), meter.mpxns().get(0), ""))
                .code())
        .isEqualTo("E081401");
    Device other = pendingHub();
    assertThat(
            send("8.14.1", install("CHFInstallSuccessSMWAN", other.eui(), "1000999888", "")).code())
        .isEqualTo("E081403");
    assertThat(status(other.eui())).isEqualTo(DeviceStatus.PENDING);
  }

  @Test
  void aHubWithoutWanIsInstalledNotCommissionedAndReturnsWithdrawIt() throws Exception {
    Device hub = pendingHub();
    Device meter = estate(DeviceType.ESME, 18);
    String noWan =
        "<sr:PremiseType>Low Rise Apartment (MDU &lt;= 5 floors)</sr:PremiseType>"
            + "<sr:MetalObstructionCheck>false</sr:MetalObstructionCheck>"
            + "<sr:ConnectivityObstructionCheck>false</sr:ConnectivityObstructionCheck>"
            + "<sr:SharedObstructionCheck>false</sr:SharedObstructionCheck>";
    assertThat(
            send(
                    "8.14.2",
                    install("CHFInstallSuccessNoSMWAN", hub.eui(), meter.mpxns().get(0), noWan))
                .code())
        .isEqualTo("I0");
    assertThat(status(hub.eui())).isEqualTo(DeviceStatus.INSTALLED_NOT_COMMISSIONED);
    String noFault =
        "<sr:CHFNoFaultReturn><sr:DeviceID>"
            + hub.eui()
            + "</sr:DeviceID><sr:CHFNoFaultReturnType>No Fault Return (general)"
            + "</sr:CHFNoFaultReturnType></sr:CHFNoFaultReturn>";
    assertThat(send("8.14.4", noFault).code()).isEqualTo("I0");
    assertThat(status(hub.eui())).isEqualTo(DeviceStatus.WITHDRAWN);
    assertThat(send("8.14.4", noFault).code()).isEqualTo("E081402");

    Device commissioned = estate(DeviceType.CHF, 18);
    String fault = faultReturn(commissioned.eui(), meter.eui());
    assertThat(send("8.14.3", fault).code()).isEqualTo("I0");
    assertThat(status(commissioned.eui())).isEqualTo(DeviceStatus.WITHDRAWN);
    assertThat(send("8.14.3", fault).code()).isEqualTo("E081402");
  }

  /** SR 8.14.3's body: {@code hub} returned faulty, found beside {@code other}. */
  private static String faultReturn(Eui64 hub, Eui64 other) {
    return "<sr:CHFFaultReturn><sr:DeviceID>"
        + hub
        + "</sr:DeviceID><sr:CHFFaultReturnType>Fault identified prior to installation"
        + "</sr:CHFFaultReturnType><sr:OtherDeviceID>"
        + other
        + "</sr:OtherDeviceID><sr:CHFConnectionMethod>Hot-shoe</sr:CHFConnectionMethod>"
        + "<sr:CHFFaultReason>Damaged case</sr:CHFFaultReason></sr:CHFFaultReturn>";
  }

  // ----- 11.1 Update Firmware and 11.4 Update PPMID Firmware

  private static String firmware(String element, List<Eui64> devices) {
    return "<sr:"
        + element
        + "><sr:FirmwareImage>"
        + Base64.getEncoder().encodeToString("an image".getBytes(StandardCharsets.US_ASCII))
        + "</sr:FirmwareImage><sr:FirmwareVersion>0002012F</sr:FirmwareVersion><sr:DeviceIDList>"
        + String.join(" ", devices.stream().map(Eui64::toString).toList())
        + "</sr:DeviceIDList></sr:"
        + element
        + ">";
  }

  @Test
  void firmwareGoesToTheCommissionedDevicesAndTheRestAreListed() throws Exception {
    Device meter = estate(DeviceType.ESME, 19);
    Device other = estate(DeviceType.ESME, 20);
    Eui64 unknown = fresh();
    Eui64 display = estate(DeviceType.IHD, 19).eui();
    Answer a =
        send(
            "11.1",
            firmware("UpdateFirmware", List.of(meter.eui(), unknown, display, other.eui())));
    assertThat(a.code()).isEqualTo("W110101");
    assertThat(a.text("InvalidDeviceIDList")).isEqualTo(unknown.toString());
    assertThat(a.text("NotApplicableDeviceIDList")).isEqualTo(display.toString());
    Device updated = dcc.inventory().find(meter.eui()).orElseThrow();
    assertThat(updated.firmwareVersion()).isEqualTo("0002012F");
    assertThat(updated.firmwareStatus()).isEqualTo(FirmwareStatus.PENDING);
    assertThat(dcc.inventory().find(other.eui()).orElseThrow().firmwareStatus())
        .isEqualTo(FirmwareStatus.PENDING);

    Answer again = send("11.1", firmware("UpdateFirmware", List.of(meter.eui())));
    assertThat(again.code()).isEqualTo("E110101");
    assertThat(again.text("InProgressDeviceIDList")).isEqualTo(meter.eui().toString());

    Device ppmid = estate(DeviceType.PPMID, 19);
    assertThat(send("11.4", firmware("UpdatePPMIDFirmware", List.of(ppmid.eui()))).code())
        .isEqualTo("I0");
    Answer notPpmid = send("11.4", firmware("UpdatePPMIDFirmware", List.of(display)));
    assertThat(notPpmid.code()).isEqualTo("E110401");
    assertThat(notPpmid.element().orElseThrow().getLocalName())
        .isEqualTo("DSPUpdatePPMIDFirmwareWarning");
  }

  @Test
  void stateChangesRaiseDccAlertsToTheUsersConcerned() throws Exception {
    io.dccsim.core.signature.CertificateResolver dccCert =
        io.dccsim.core.signature.CertificateResolver.of(dcc.dccCertificate());
    Eui64 gas = SyntheticEstate.GAS_SUPPLIER;
    Eui64 operator = SyntheticEstate.NETWORK_OPERATOR;
    try (io.dccsim.core.client.ResponseReceiver forSupplier =
            io.dccsim.core.client.ResponseReceiver.start(dccCert);
        io.dccsim.core.client.ResponseReceiver forGas =
            io.dccsim.core.client.ResponseReceiver.start(dccCert);
        io.dccsim.core.client.ResponseReceiver forOperator =
            io.dccsim.core.client.ResponseReceiver.start(dccCert)) {
      dcc.receiveUrl(dcc.testSupplier().eui(), forSupplier.url());
      dcc.receiveUrl(gas, forGas.url());
      dcc.receiveUrl(operator, forOperator.url());
      // the electricity supplier returns the hub of premises 22: the gas supplier and the network
      // operator of that premises hear of it, the supplier has its answer
      Device hub = estate(DeviceType.CHF, 22);
      Device meter = estate(DeviceType.ESME, 22);
      String fault = faultReturn(hub.eui(), meter.eui());
      assertThat(send("8.14.3", fault).code()).isEqualTo("I0");
      for (io.dccsim.core.client.ResponseReceiver r : List.of(forGas, forOperator)) {
        ServiceResponse alert = r.awaitAlert(java.time.Duration.ofSeconds(10));
        io.dccsim.core.message.AlertBody body = (io.dccsim.core.message.AlertBody) alert.body();
        assertThat(body.code()).isEqualTo("N42");
        assertThat(alert.header().responseId().orElseThrow().originator()).isEqualTo(dcc.dccEui());
        DuisSchema.builtIn().validate(new io.dccsim.core.codec.DuisCodec().writeResponse(alert));
      }

      // firmware for the meter of premises 23: Active, and the supplier told, an hour later
      Device toUpdate = estate(DeviceType.ESME, 23);
      assertThat(send("11.1", firmware("UpdateFirmware", List.of(toUpdate.eui()))).code())
          .isEqualTo("I0");
      Thread.sleep(200);
      assertThat(forSupplier.received()).isEmpty();
      dcc.clock().advance(java.time.Duration.ofHours(1));
      try {
        ServiceResponse alert = forSupplier.awaitAlert(java.time.Duration.ofSeconds(10));
        assertThat(((io.dccsim.core.message.AlertBody) alert.body()).code()).isEqualTo("N16");
        Device updated = dcc.inventory().find(toUpdate.eui()).orElseThrow();
        assertThat(updated.firmwareVersion()).isEqualTo("0002012F");
        assertThat(updated.firmwareStatus()).isEqualTo(FirmwareStatus.ACTIVE);
      } finally {
        dcc.clock().set(NOW);
      }
      assertThat(forSupplier.refused()).isEmpty();
      assertThat(forGas.refused()).isEmpty();
      assertThat(forSupplier.received()).isEmpty();
    }
  }

  // ----- 5.1 to 5.3 schedules

  private static String createSchedule(String srv, Eui64 device, String start) {
    String sr = srv.substring(0, srv.lastIndexOf('.') > 2 ? srv.lastIndexOf('.') : srv.length());
    return "<sr:CreateSchedule><sr:ScheduleFrequency>Daily</sr:ScheduleFrequency>"
        + "<sr:ScheduleStartDate>"
        + start
        + "</sr:ScheduleStartDate><sr:DSPScheduledServiceReference>"
        + sr
        + "</sr:DSPScheduledServiceReference><sr:DSPScheduledServiceReferenceVariant>"
        + srv
        + "</sr:DSPScheduledServiceReferenceVariant><sr:DeviceID>"
        + device
        + "</sr:DeviceID><sr:RetrieveDailyReadLog/></sr:CreateSchedule>";
  }

  @Test
  void aScheduleIsCreatedReadAndDeletedByItsOwnUserOnly() throws Exception {
    Eui64 meter = estate(DeviceType.ESME, 21).eui();
    Answer created = send("5.1", createSchedule("4.6.1", meter, "2021-07-02"));
    assertThat(created.code()).isEqualTo("I0");
    String id = created.element().orElseThrow().getTextContent();
    assertThat(Long.parseLong(id)).isPositive();

    String byId =
        "<sr:ReadSchedule><sr:DSPScheduleID>" + id + "</sr:DSPScheduleID></sr:ReadSchedule>";
    Answer read = send("5.2", byId);
    assertThat(read.code()).isEqualTo("I0");
    assertThat(read.text("DSPSchedules")).contains(id);
    assertThat(read.all("DSPScheduledServiceReferenceVariant").get(0).getTextContent())
        .isEqualTo("4.6.1");
    assertThat(read.all("RetrieveDailyReadLog")).hasSize(1);
    Answer byDevice =
        send("5.2", "<sr:ReadSchedule><sr:DeviceID>" + meter + "</sr:DeviceID></sr:ReadSchedule>");
    assertThat(byDevice.all("DSPScheduleID")).hasSize(1);

    // another User neither sees nor deletes it
    assertThat(send(gasSupplier, SchemaVersion.V5_4, "5.2", byId).code()).isEqualTo("E050201");
    String delete =
        "<sr:DeleteSchedule><sr:DSPScheduleID>" + id + "</sr:DSPScheduleID></sr:DeleteSchedule>";
    assertThat(send(gasSupplier, SchemaVersion.V5_4, "5.3", delete).code()).isEqualTo("E050301");
    assertThat(send("5.3", delete).code()).isEqualTo("I0");
    assertThat(send("5.2", byId).code()).isEqualTo("E050201");
    assertThat(send("5.3", delete).code()).isEqualTo("E050301");
  }

  @Test
  void aScheduleIsRefusedForWhatCannotBeScheduled() throws Exception {
    Eui64 meter = estate(DeviceType.ESME, 22).eui();
    // 4.1.1 is not DCC-schedulable
    assertThat(send("5.1", createSchedule("4.1.1", meter, "2021-07-02")).code())
        .isEqualTo("E050101");
    assertThat(send("5.1", createSchedule("4.6.1", fresh(), "2021-07-02")).code())
        .isEqualTo("E050102");
    assertThat(send("5.1", createSchedule("4.6.1", meter, "2021-06-30")).code())
        .isEqualTo("E050103");
    assertThat(dcc.schedules().all().stream().filter(s -> s.device().equals(meter))).isEmpty();
  }

  // ----- every answer, independently checked

  @Test
  void theAnswersVerifyWithXmlsec1() throws Exception {
    ExternalTool xmlsec1 = ExternalTool.require("xmlsec1");
    Files.writeString(
        dir.resolve("dcc.pem"),
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder().encodeToString(dcc.dccCertificate().getEncoded())
            + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
    Device meter = estate(DeviceType.ESME, 23);
    List<Answer> answers =
        List.of(
            send("8.2", readInventory("DeviceID", meter.eui().toString())),
            send("8.6", optIn(meter.eui(), "ESME", meter.mpxns().get(0))),
            send("11.1", firmware("UpdateFirmware", List.of(fresh()))),
            send(
                "8.3",
                "<sr:DecommissionDevice><sr:DeviceID>"
                    + fresh()
                    + "</sr:DeviceID></sr:DecommissionDevice>"));
    int n = 0;
    for (Answer a : answers) {
      Path file = dir.resolve("answer-" + n++ + ".xml");
      Files.write(file, a.bytes());
      ExternalTool.Result r =
          xmlsec1.run(
              dir, "--verify", "--pubkey-cert-pem", "dcc.pem", file.getFileName().toString());
      assertThat(r.exitCode()).as(r.output()).isZero();
    }
  }
}
