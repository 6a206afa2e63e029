package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.Mangling;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.pipeline.Duis;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.w3c.dom.Element;

/**
 * Each of the sixteen non-device request bodies, mangled (a byte changed, cut, a stretch deleted or
 * repeated, a hostile fragment inserted) and then signed, so that the mangled body reaches the
 * schema and the handler: every request gets HTTP 400 or a signed answer that validates under the
 * schema, never a server failure or a stack trace.
 */
class MangledNonDeviceRequestsPropertiesTest {
  private static final String SR = "xmlns:sr=\"" + Duis.NS + "\"";
  private static Simulator dcc;
  private static SupplierClient supplier;
  // how many mangled bodies were still XML, so were signed and sent, and how many were answered
  private static final java.util.concurrent.atomic.AtomicInteger SENT =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.concurrent.atomic.AtomicInteger ANSWERED =
      new java.util.concurrent.atomic.AtomicInteger();

  private static String eui(DeviceType type, int n) {
    return SyntheticEstate.eui(type, n).toString();
  }

  /** One well-formed, valid body of each non-device SRV, on devices of the synthetic estate. */
  static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry(
              "5.1",
              "<sr:CreateSchedule><sr:ScheduleFrequency>Daily</sr:ScheduleFrequency>"
                  + "<sr:ScheduleStartDate>2021-07-02</sr:ScheduleStartDate>"
                  + "<sr:DSPScheduledServiceReference>4.6</sr:DSPScheduledServiceReference>"
                  + "<sr:DSPScheduledServiceReferenceVariant>4.6.1"
                  + "</sr:DSPScheduledServiceReferenceVariant><sr:DeviceID>"
                  + eui(DeviceType.ESME, 30)
                  + "</sr:DeviceID><sr:RetrieveDailyReadLog/></sr:CreateSchedule>"),
          Map.entry(
              "5.2", "<sr:ReadSchedule><sr:DSPScheduleID>1</sr:DSPScheduleID></sr:ReadSchedule>"),
          Map.entry(
              "5.3",
              "<sr:DeleteSchedule><sr:DSPScheduleID>2</sr:DSPScheduleID></sr:DeleteSchedule>"),
          Map.entry(
              "8.2",
              "<sr:ReadInventory><sr:DeviceID>"
                  + eui(DeviceType.ESME, 31)
                  + "</sr:DeviceID></sr:ReadInventory>"),
          Map.entry(
              "8.3",
              "<sr:DecommissionDevice><sr:DeviceID>"
                  + eui(DeviceType.IHD, 32)
                  + "</sr:DeviceID></sr:DecommissionDevice>"),
          Map.entry(
              "8.4",
              "<sr:UpdateInventory><sr:DeviceID>00-DB-12-34-56-78-90-A0</sr:DeviceID>"
                  + "<sr:DeleteDevice/></sr:UpdateInventory>"),
          Map.entry(
              "8.6",
              "<sr:ServiceOptIn><sr:DeviceID>"
                  + eui(DeviceType.ESME, 33)
                  + "</sr:DeviceID><sr:DeviceType>ESME</sr:DeviceType><sr:MPxNs>"
                  + "<sr:ImportMPxN>1312345678111</sr:ImportMPxN>"
                  + "<sr:SecondaryImportMPAN>1312345678222</sr:SecondaryImportMPAN></sr:MPxNs>"
                  + "<sr:OptInDate>2015-02-01</sr:OptInDate></sr:ServiceOptIn>"),
          Map.entry(
              "8.13",
              "<sr:ReturnLocalCommandResponse><sr:OriginalRequestID>"
                  + "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000</sr:OriginalRequestID>"
                  + "<sr:DeviceGBCSResponse>3wkCAAAAAAAAA+g=</sr:DeviceGBCSResponse>"
                  + "</sr:ReturnLocalCommandResponse>"),
          Map.entry(
              "8.14.1",
              "<sr:CHFInstallSuccessSMWAN><sr:DeviceID>"
                  + eui(DeviceType.CHF, 34)
                  + "</sr:DeviceID><sr:CHFInstallType>New CHF Install</sr:CHFInstallType>"
                  + "<sr:MPxN>1000999888</sr:MPxN><sr:AerialInstall>true</sr:AerialInstall>"
                  + "<sr:CHFLocation>Basement or Cellar</sr:CHFLocation>"
                  + "</sr:CHFInstallSuccessSMWAN>"),
          Map.entry(
              "8.14.2",
              "<sr:CHFInstallSuccessNoSMWAN><sr:DeviceID>"
                  + eui(DeviceType.CHF, 35)
                  + "</sr:DeviceID><sr:CHFInstallType>CHF Install - no SM WAN</sr:CHFInstallType>"
                  + "<sr:MPxN>1000999888</sr:MPxN><sr:AerialInstall>true</sr:AerialInstall>"
                  + "<sr:CHFLocation>Basement or Cellar</sr:CHFLocation>"
                  + "<sr:PremiseType>Low Rise Apartment (MDU &lt;= 5 floors)</sr:PremiseType>"
                  + "<sr:MetalObstructionCheck>false</sr:MetalObstructionCheck>"
                  + "<sr:ConnectivityObstructionCheck>false</sr:ConnectivityObstructionCheck>"
                  + "<sr:SharedObstructionCheck>false</sr:SharedObstructionCheck>"
                  + "</sr:CHFInstallSuccessNoSMWAN>"),
          Map.entry(
              "8.14.3",
              "<sr:CHFFaultReturn><sr:DeviceID>"
                  + eui(DeviceType.CHF, 36)
                  + "</sr:DeviceID><sr:CHFFaultReturnType>Fault identified prior to installation"
                  + "</sr:CHFFaultReturnType><sr:OtherDeviceID>00-DB-12-34-56-78-90-A0"
                  + "</sr:OtherDeviceID><sr:CHFConnectionMethod>Hot-shoe</sr:CHFConnectionMethod>"
                  + "<sr:CHFFaultReason>Damaged case</sr:CHFFaultReason></sr:CHFFaultReturn>"),
          Map.entry(
              "8.14.4",
              "<sr:CHFNoFaultReturn><sr:DeviceID>"
                  + eui(DeviceType.CHF, 37)
                  + "</sr:DeviceID><sr:CHFNoFaultReturnType>No Fault Return (general)"
                  + "</sr:CHFNoFaultReturnType></sr:CHFNoFaultReturn>"),
          Map.entry(
              "11.1",
              "<sr:UpdateFirmware><sr:FirmwareImage>HvHuCwABPAAEAB0S</sr:FirmwareImage>"
                  + "<sr:FirmwareVersion>00000000</sr:FirmwareVersion><sr:DeviceIDList>"
                  + eui(DeviceType.ESME, 38)
                  + " "
                  + eui(DeviceType.GSME, 38)
                  + "</sr:DeviceIDList></sr:UpdateFirmware>"),
          Map.entry(
              "11.4",
              "<sr:UpdatePPMIDFirmware><sr:FirmwareImage>HvHuCwABPAAEAB0S</sr:FirmwareImage>"
                  + "<sr:FirmwareVersion>00000000</sr:FirmwareVersion><sr:DeviceIDList>"
                  + eui(DeviceType.PPMID, 39)
                  + "</sr:DeviceIDList></sr:UpdatePPMIDFirmware>"),
          Map.entry("12.1", "<sr:RequestWANMatrix><sr:UPRN>10</sr:UPRN></sr:RequestWANMatrix>"),
          Map.entry(
              "12.2",
              "<sr:DevicePrenotification><sr:DeviceID>00-DB-12-34-56-78-90-A0</sr:DeviceID>"
                  + "<sr:DeviceManufacturer>AB01</sr:DeviceManufacturer>"
                  + "<sr:DeviceModel>010A030B</sr:DeviceModel><sr:DeviceType>ESME</sr:DeviceType>"
                  + "<sr:SMETSCHTSVersion>SMETS V1.58</sr:SMETSCHTSVersion>"
                  + "<sr:FirmwareVersion>0002012F</sr:FirmwareVersion>"
                  + "<sr:ESMEVariant>AD</sr:ESMEVariant></sr:DevicePrenotification>"));

  @BeforeContainer
  static void start() {
    dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .start();
    supplier = SupplierClient.testSupplierOf(dcc);
  }

  @AfterContainer
  static void stop() {
    try {
      // the property is only worth its tries when many mangled bodies reach the handlers
      System.out.println(
          "mangled bodies sent: " + SENT.get() + ", answered 200: " + ANSWERED.get());
      assertThat(SENT.get()).isGreaterThan(400);
      assertThat(ANSWERED.get()).isGreaterThan(40);
    } finally {
      dcc.close();
    }
  }

  @Provide
  Arbitrary<String> variants() {
    return Arbitraries.of(List.copyOf(BODIES.keySet()));
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(Mangling.XML_FRAGMENTS, 60);
  }

  /** A change that keeps the body well-formed: to one element, chosen by its document order. */
  record Mutation(Op op, int at, String value) {
    enum Op {
      SET_TEXT,
      REMOVE,
      DUPLICATE,
      RENAME,
      INSERT_UNKNOWN,
      MOVE_LAST
    }

    Element applyTo(Element body) {
      List<Element> all = new java.util.ArrayList<>();
      collect(body, all);
      Element e = all.get(Math.floorMod(at, all.size()));
      org.w3c.dom.Node parent = e.getParentNode();
      switch (op) {
        case SET_TEXT -> e.setTextContent(value);
        case REMOVE -> {
          if (parent instanceof Element) {
            parent.removeChild(e);
          } else {
            e.setTextContent("");
          }
        }
        case DUPLICATE -> {
          if (parent instanceof Element) {
            parent.insertBefore(e.cloneNode(true), e);
          }
        }
        case RENAME ->
            e.getOwnerDocument()
                .renameNode(e, Duis.NS, "sr:" + value.replaceAll("[^A-Za-z]", "") + "X");
        case INSERT_UNKNOWN ->
            e.appendChild(e.getOwnerDocument().createElementNS(Duis.NS, "sr:Unexpected"));
        case MOVE_LAST -> {
          if (parent instanceof Element) {
            parent.appendChild(e);
          }
        }
      }
      return body;
    }

    private static void collect(Element e, List<Element> out) {
      out.add(e);
      for (Element c : Duis.children(e)) {
        collect(c, out);
      }
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                " ",
                "0",
                "-1",
                "99999999999999999999",
                "00-00-00-00-00-00-00-00",
                "2021-02-30",
                "true",
                "ESME",
                "CHF",
                "Pending",
                "4.6.1",
                "12.2",
                "ZZ",
                "1312345678111",
                "\u00e9\u00e9",
                "<x/>",
                "AAAA"),
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(14));
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of(Mutation.Op.class), Arbitraries.integers().between(0, 40), values)
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  @Property(tries = 600)
  void aBodyChangedInShapeOrValueGetsA400OrASignedValidAnswer(
      @ForAll("variants") String srv, @ForAll("mutations") List<Mutation> changes)
      throws Exception {
    Element element =
        SecureXml.withDefaults()
            .parse(
                BODIES.get(srv).replaceFirst(">", " " + SR + ">").getBytes(StandardCharsets.UTF_8))
            .getDocumentElement();
    for (Mutation m : changes) {
      element = m.applyTo(element);
    }
    sendAndCheck(srv, element);
  }

  @Property(tries = 400)
  void aMangledBodyGetsA400OrASignedValidAnswer(
      @ForAll("variants") String srv, @ForAll("manglings") Mangling mangling) throws Exception {
    String body = mangling.apply(BODIES.get(srv).replaceFirst(">", " " + SR + ">"));
    Element element;
    try {
      element =
          SecureXml.withDefaults()
              .parse(body.getBytes(StandardCharsets.UTF_8))
              .getDocumentElement();
    } catch (RuntimeException e) {
      return; // no longer XML, so it cannot be signed as a body: the envelope tests cover that
    }
    sendAndCheck(srv, element);
  }

  private static void sendAndCheck(String srv, Element element) throws Exception {
    byte[] request =
        supplier.signed(
            SchemaVersion.V5_4,
            supplier.nextId(),
            CommandVariant.NON_DEVICE,
            ServiceReferenceVariant.parse(srv),
            RawRequestBody.of(element));
    SENT.incrementAndGet();
    HttpResponse<byte[]> response = supplier.post("/api/v1/serviceD", request);
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(srv + ": " + text).isIn(200, 400);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    if (response.statusCode() == 200) {
      ANSWERED.incrementAndGet();
      ServiceResponse answer = supplier.verifyAndRead(response.body());
      DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(response.body()));
      assertThat(answer.header().responseCode().code()).isNotEqualTo("E1");
    }
  }

  @Property(tries = 16)
  void everyUnmangledBodyIsAnsweredWithASignedValidAnswer(@ForAll("variants") String srv)
      throws Exception {
    Element element =
        SecureXml.withDefaults()
            .parse(
                BODIES.get(srv).replaceFirst(">", " " + SR + ">").getBytes(StandardCharsets.UTF_8))
            .getDocumentElement();
    ServiceResponse answer =
        supplier.send(
            supplier.signed(
                SchemaVersion.V5_4,
                supplier.nextId(),
                CommandVariant.NON_DEVICE,
                ServiceReferenceVariant.parse(srv),
                RawRequestBody.of(element)));
    // I0 or the SR's own code: never a common refusal
    assertThat(answer.header().responseCode().code()).as(srv).matches("I0|[WE]\\d{6}");
  }
}
