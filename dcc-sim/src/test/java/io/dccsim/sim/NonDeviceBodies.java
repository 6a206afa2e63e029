package io.dccsim.sim;

import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.value.SchemaVersion;
import java.util.Map;
import java.util.Set;

/**
 * One request body of each of the sixteen non-device Service Requests, laid out as in the DCC's
 * public reference test messages (with devices of the synthetic estate a default simulator holds,
 * and the reference messages' own EUIs where the device need not exist), written with the {@code
 * sr} prefix and no namespace declaration.
 */
final class NonDeviceBodies {
  private NonDeviceBodies() {}

  /** The SRVs whose reference message is written in schema version 5.2; the rest use 5.4. */
  static final Set<String> WRITTEN_IN_5_2 = Set.of("8.4", "8.6", "8.14.1", "12.2");

  static SchemaVersion versionOf(String srv) {
    return WRITTEN_IN_5_2.contains(srv) ? SchemaVersion.V5_2 : SchemaVersion.V5_4;
  }

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
}
