package io.dccsim.core.inventory;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.CspRegion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A made-up estate of premises for tests and demonstrations, the same for the same seed on every
 * machine: each premises has an ESME, a GSME, a GPF, a CHF, a PPMID and an IHD, all {@code
 * Commissioned}.
 *
 * <p><b>Premises.</b> Premises are grouped in streets of {@value #PREMISES_PER_POSTCODE}, each
 * street with its own postcode; the address identifier is a house number and the street's name.
 * UPRNs are consecutive from a seed-chosen base (11 digits). Postcodes are valid in form and taken
 * from real postcode areas, and each device's CSP region is the one the simulator's synthetic
 * coverage model gives that area (Scotland and northern England North; Wales, the Midlands and East
 * Anglia Central; the rest South), so SR 12.1 answers for them. The postcodes themselves are
 * invented: they need not exist.
 *
 * <p><b>MPxNs.</b> Each premises has one MPAN (13 digits, the last a valid check digit) and one
 * MPRN (10 digits). The ESME holds the MPAN, the GSME the MPRN, and the Communications Hub (CHF,
 * GPF), PPMID and IHD both.
 *
 * <p><b>EUI-64s.</b> Device EUIs are {@code DE-DC-C5-tt-nn-nn-nn-nn}: the first octet has the
 * locally administered bit set, so no manufacturer's EUI can collide with them; {@code tt} is the
 * device type (see {@link #typeCode}) and {@code nn-nn-nn-nn} the premises number. They are apart
 * from the Users' EUIs ({@code 90-B3-D5-1F-30-...}, {@code 00-DB-12-...}).
 */
public final class SyntheticEstate {

  /** The first three octets of every synthetic device EUI-64. */
  public static final long EUI_PREFIX = 0xDEDCC5L;

  /** How many premises share a postcode. */
  public static final int PREMISES_PER_POSTCODE = 15;

  /** The most premises one estate may have. */
  public static final int MAX_PREMISES = 1_000_000;

  /** The device types at every premises, in the order the devices are listed. */
  public static final List<DeviceType> TYPES_PER_PREMISES =
      List.of(
          DeviceType.ESME,
          DeviceType.GSME,
          DeviceType.GPF,
          DeviceType.CHF,
          DeviceType.PPMID,
          DeviceType.IHD);

  /** The supplier the synthetic electricity devices and hubs name. */
  public static final Eui64 ELECTRICITY_SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");

  /** The supplier the synthetic gas devices name. */
  public static final Eui64 GAS_SUPPLIER = Eui64.parse("90-B3-D5-1F-30-03-00-00");

  /** The network operator the synthetic ESMEs name. */
  public static final Eui64 NETWORK_OPERATOR = Eui64.parse("90-B3-D5-1F-30-02-00-00");

  /**
   * The postcode areas used, with their CSP region (the synthetic coverage model's placement of the
   * same areas).
   */
  public static final Map<String, CspRegion> AREAS =
      Map.ofEntries(
          Map.entry("M", CspRegion.NORTH),
          Map.entry("LS", CspRegion.NORTH),
          Map.entry("G", CspRegion.NORTH),
          Map.entry("EH", CspRegion.NORTH),
          Map.entry("NE", CspRegion.NORTH),
          Map.entry("S", CspRegion.NORTH),
          Map.entry("B", CspRegion.CENTRAL),
          Map.entry("CF", CspRegion.CENTRAL),
          Map.entry("NG", CspRegion.CENTRAL),
          Map.entry("LE", CspRegion.CENTRAL),
          Map.entry("CB", CspRegion.CENTRAL),
          Map.entry("NR", CspRegion.CENTRAL),
          Map.entry("BS", CspRegion.SOUTH),
          Map.entry("RG", CspRegion.SOUTH),
          Map.entry("EX", CspRegion.SOUTH),
          Map.entry("BN", CspRegion.SOUTH),
          Map.entry("SO", CspRegion.SOUTH),
          Map.entry("PO", CspRegion.SOUTH));

  private static final List<String> AREA_ORDER =
      List.of(
          "M", "LS", "G", "EH", "NE", "S", "B", "CF", "NG", "LE", "CB", "NR", "BS", "RG", "EX",
          "BN", "SO", "PO");
  private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
  private static final List<String> STREETS =
      List.of(
          "Threapwood Road",
          "Mill Lane",
          "Station Road",
          "Church Street",
          "Orchard Close",
          "Meadow View",
          "Victoria Terrace",
          "Park Avenue",
          "Queens Drive",
          "Riverside Walk",
          "Beech Grove",
          "Kingsway");
  private static final int[] MPAN_WEIGHTS = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};

  /**
   * One synthetic premises and its devices.
   *
   * @param number the premises number within the estate, from 0
   * @param uprn its UPRN
   * @param postcode its postcode
   * @param addressIdentifier its address identifier
   * @param region its CSP region
   * @param mpan its MPAN
   * @param mprn its MPRN
   * @param devices its six devices, in the order of {@link #TYPES_PER_PREMISES}
   */
  public record Premises(
      int number,
      Uprn uprn,
      Postcode postcode,
      String addressIdentifier,
      CspRegion region,
      String mpan,
      String mprn,
      List<Device> devices) {

    /** Copies the device list. */
    public Premises {
      devices = List.copyOf(devices);
    }
  }

  private SyntheticEstate() {}

  /** The devices of {@link #premises(int, long)}, premises by premises. */
  public static List<Device> devices(int premisesCount, long seed) {
    List<Device> out = new ArrayList<>(premisesCount * TYPES_PER_PREMISES.size());
    for (Premises p : premises(premisesCount, seed)) {
      out.addAll(p.devices());
    }
    return out;
  }

  /**
   * {@code count} premises made from {@code seed}.
   *
   * @throws IllegalArgumentException unless {@code count} is 1 to {@link #MAX_PREMISES}
   */
  public static List<Premises> premises(int count, long seed) {
    if (count < 1 || count > MAX_PREMISES) {
      throw new IllegalArgumentException(
          "A synthetic estate has 1 to " + MAX_PREMISES + " premises, not " + count);
    }
    Random random = new Random(seed);
    long uprnBase = 10_000_000_000L + random.nextInt(800_000_000) * 100L;
    long mpanBase = random.nextInt(1_000_000_000) * 9L;
    long mprnBase = 1_000_000_000L + random.nextInt(1_000_000_000) * 7L;
    List<Premises> out = new ArrayList<>(count);
    Set<Postcode> used = new HashSet<>();
    Postcode postcode = null;
    CspRegion region = null;
    String street = null;
    for (int i = 0; i < count; i++) {
      if (i % PREMISES_PER_POSTCODE == 0) {
        String area = AREA_ORDER.get(random.nextInt(AREA_ORDER.size()));
        do {
          postcode = randomPostcode(random, area);
        } while (!used.add(postcode));
        region = AREAS.get(area);
        street = STREETS.get(random.nextInt(STREETS.size()));
      }
      int house = (i % PREMISES_PER_POSTCODE) * 2 + 1;
      String addressIdentifier = house + " " + street;
      Uprn uprn = Uprn.of(uprnBase + i);
      String mpan = mpan(region, (mpanBase + i) % 10_000_000_000L);
      String mprn = Long.toString(mprnBase + i);
      List<Device> devices = new ArrayList<>(TYPES_PER_PREMISES.size());
      boolean dualBand = random.nextInt(4) == 0;
      boolean cellular = random.nextInt(10) == 0;
      for (DeviceType type : TYPES_PER_PREMISES) {
        devices.add(
            device(
                type,
                i,
                uprn,
                postcode,
                addressIdentifier,
                region,
                mpan,
                mprn,
                dualBand ? "Dual Band" : "Single Band",
                cellular && type == DeviceType.CHF));
      }
      out.add(new Premises(i, uprn, postcode, addressIdentifier, region, mpan, mprn, devices));
    }
    return out;
  }

  /**
   * Streams the devices of {@link #devices(int, long)}, the same devices in the same order, to
   * {@code sink} in chunks of the devices of at most {@code chunkSize} premises (the last chunk may
   * be smaller), so that an estate of any size is generated with memory bounded by the chunk. Each
   * chunk is a new list the sink may keep.
   *
   * @return how many devices were delivered
   * @throws IllegalArgumentException unless {@code premisesCount} is 1 to {@link #MAX_PREMISES} and
   *     {@code chunkSize} is positive
   */
  public static long generate(
      int premisesCount, long seed, int chunkSize, Consumer<List<Device>> sink) {
    if (premisesCount < 1 || premisesCount > MAX_PREMISES) {
      throw new IllegalArgumentException(
          "A synthetic estate has 1 to " + MAX_PREMISES + " premises, not " + premisesCount);
    }
    if (chunkSize < 1) {
      throw new IllegalArgumentException("A chunk holds at least one premises: " + chunkSize);
    }
    Objects.requireNonNull(sink, "sink");
    // The same draws from the same generator, in the same order, as premises(count, seed).
    Random random = new Random(seed);
    long uprnBase = 10_000_000_000L + random.nextInt(800_000_000) * 100L;
    long mpanBase = random.nextInt(1_000_000_000) * 9L;
    long mprnBase = 1_000_000_000L + random.nextInt(1_000_000_000) * 7L;
    Set<Postcode> used = new HashSet<>();
    Postcode postcode = null;
    CspRegion region = null;
    String street = null;
    int perPremises = TYPES_PER_PREMISES.size();
    List<Device> chunk = new ArrayList<>(Math.min(chunkSize, premisesCount) * perPremises);
    long delivered = 0;
    for (int i = 0; i < premisesCount; i++) {
      if (i % PREMISES_PER_POSTCODE == 0) {
        String area = AREA_ORDER.get(random.nextInt(AREA_ORDER.size()));
        do {
          postcode = randomPostcode(random, area);
        } while (!used.add(postcode));
        region = AREAS.get(area);
        street = STREETS.get(random.nextInt(STREETS.size()));
      }
      int house = (i % PREMISES_PER_POSTCODE) * 2 + 1;
      String addressIdentifier = house + " " + street;
      Uprn uprn = Uprn.of(uprnBase + i);
      String mpan = mpan(region, (mpanBase + i) % 10_000_000_000L);
      String mprn = Long.toString(mprnBase + i);
      boolean dualBand = random.nextInt(4) == 0;
      boolean cellular = random.nextInt(10) == 0;
      for (DeviceType type : TYPES_PER_PREMISES) {
        chunk.add(
            device(
                type,
                i,
                uprn,
                postcode,
                addressIdentifier,
                region,
                mpan,
                mprn,
                dualBand ? "Dual Band" : "Single Band",
                cellular && type == DeviceType.CHF));
      }
      if (chunk.size() == chunkSize * perPremises || i == premisesCount - 1) {
        delivered += chunk.size();
        sink.accept(chunk);
        chunk = new ArrayList<>(Math.min(chunkSize, premisesCount - i - 1) * perPremises);
      }
    }
    return delivered;
  }

  /** The EUI-64 of the synthetic device of {@code type} at premises {@code number}. */
  public static Eui64 eui(DeviceType type, int number) {
    Objects.requireNonNull(type, "type");
    if (number < 0) {
      throw new IllegalArgumentException("A premises number is not negative: " + number);
    }
    return Eui64.of((EUI_PREFIX << 40) | ((long) typeCode(type) << 32) | (number & 0xFFFF_FFFFL));
  }

  /** The octet that names {@code type} in a synthetic EUI-64: 1 for ESME up to 8 for CAD. */
  public static int typeCode(DeviceType type) {
    return type.ordinal() + 1;
  }

  /** Whether {@code eui} is in the synthetic devices' range. */
  public static boolean isSynthetic(Eui64 eui) {
    return (eui.value() >>> 40) == EUI_PREFIX;
  }

  /** The check digit that ends an MPAN whose first twelve digits are {@code first12}. */
  public static int mpanCheckDigit(String first12) {
    if (first12.length() != 12) {
      throw new IllegalArgumentException("Expected 12 digits: " + first12);
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (first12.charAt(i) - '0') * MPAN_WEIGHTS[i];
    }
    return sum % 11 % 10;
  }

  private static String mpan(CspRegion region, long serial) {
    int distributor =
        switch (region) {
          case NORTH -> 16;
          case CENTRAL -> 11;
          default -> 20;
        };
    String first12 = distributor + String.format("%010d", serial);
    return first12 + mpanCheckDigit(first12);
  }

  private static Postcode randomPostcode(Random random, String area) {
    int district = 1 + random.nextInt(area.length() == 1 ? 40 : 20);
    String inward =
        ""
            + random.nextInt(10)
            + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()))
            + INWARD_LETTERS.charAt(random.nextInt(INWARD_LETTERS.length()));
    return new Postcode(area + district, inward);
  }

  private static Device device(
      DeviceType type,
      int number,
      Uprn uprn,
      Postcode postcode,
      String addressIdentifier,
      CspRegion region,
      String mpan,
      String mprn,
      String hanVariant,
      boolean cellular) {
    List<String> mpxns =
        switch (type) {
          case ESME -> List.of(mpan);
          case GSME -> List.of(mprn);
          default -> List.of(mpan, mprn);
        };
    boolean hub = type == DeviceType.CHF || type == DeviceType.GPF;
    boolean gas = type == DeviceType.GSME || type == DeviceType.GPF;
    String manufacturer =
        switch (type) {
          case ESME -> "Synthetic Electricity Meters";
          case GSME -> "Synthetic Gas Meters";
          case CHF, GPF -> "Synthetic Comms Hubs";
          default -> "Synthetic Displays";
        };
    return new Device(
        eui(type, number),
        type,
        DeviceStatus.COMMISSIONED,
        manufacturer,
        "SIM-" + type.name(),
        hub ? "2.1.0" : "1.4.2",
        FirmwareStatus.ACTIVE,
        hub ? "CHTS V1.2" : "SMETS2 V4.2",
        "3.2",
        mpxns,
        Optional.of(uprn),
        Optional.of(postcode),
        Optional.of(addressIdentifier),
        Optional.of(region),
        hanVariant,
        cellular ? Optional.of(Connectivity.CELLULAR) : Optional.empty(),
        Optional.of(gas ? GAS_SUPPLIER : ELECTRICITY_SUPPLIER),
        type == DeviceType.ESME ? Optional.of(NETWORK_OPERATOR) : Optional.empty());
  }
}
