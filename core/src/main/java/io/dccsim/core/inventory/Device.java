package io.dccsim.core.inventory;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.CspRegion;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One device as the Smart Metering Inventory holds it: what DUIS returns for it in a {@code
 * DSPInventory} answer, and where it is installed.
 *
 * <p>Every text is 1 to its maximum characters, with no control characters and no leading or
 * trailing whitespace. An MPxN is an MPAN (13 digits) or an MPRN (6 to 10 digits); a device holds
 * at most {@link #MAX_MPXNS} distinct ones, in the order given.
 *
 * <p>A device need not have premises yet: one pre-notified (DUIS SR 12.2) is held before it is
 * installed, with no postcode and no address identifier. The two are present together or absent
 * together. The CSP region stands on its own: it may be known before the premises are (a device
 * pre-notified for a region), and may be unknown for premises recorded without it.
 *
 * @param eui the device's EUI-64, its identity in the inventory
 * @param type the kind of device
 * @param status where it stands in the lifecycle
 * @param manufacturer the manufacturer (at most {@link #MAX_NAME} characters)
 * @param model the model (at most {@link #MAX_NAME} characters)
 * @param firmwareVersion the firmware version (at most {@link #MAX_NAME} characters)
 * @param firmwareStatus the firmware version's standing
 * @param smetsChtsVersion the SMETS or CHTS version the device meets, e.g. {@code SMETS2 V4.2} (at
 *     most {@link #MAX_NAME} characters)
 * @param gbcsVersion the GBCS version, e.g. {@code 3.2} (at most {@link #MAX_SHORT} characters)
 * @param mpxns the MPANs and MPRNs the device serves, possibly none
 * @param uprn the premises' UPRN, when known
 * @param postcode the premises' postcode, absent while the device has no premises (present exactly
 *     when {@code addressIdentifier} is)
 * @param addressIdentifier the premises within the postcode, as SR 12.1's {@code AddressIdentifier}
 *     (at most {@link #MAX_ADDRESS_IDENTIFIER} characters), absent while the device has no premises
 *     (present exactly when {@code postcode} is)
 * @param cspRegion the CSP region, when known: {@code NORTH}, {@code CENTRAL} or {@code SOUTH}
 * @param hanVariant the HAN variant, e.g. {@code Single Band} (at most {@link #MAX_HAN_VARIANT}
 *     characters)
 * @param connectivity how the device connects (DUIS 5.4), when reported
 * @param supplier the responsible supplier's EUI-64, when there is one
 * @param networkOperator the network operator's EUI-64, when there is one
 */
public record Device(
    Eui64 eui,
    DeviceType type,
    DeviceStatus status,
    String manufacturer,
    String model,
    String firmwareVersion,
    FirmwareStatus firmwareStatus,
    String smetsChtsVersion,
    String gbcsVersion,
    List<String> mpxns,
    Optional<Uprn> uprn,
    Optional<Postcode> postcode,
    Optional<String> addressIdentifier,
    Optional<CspRegion> cspRegion,
    String hanVariant,
    Optional<Connectivity> connectivity,
    Optional<Eui64> supplier,
    Optional<Eui64> networkOperator) {

  /** The most characters of a manufacturer, model, firmware or SMETS/CHTS version. */
  public static final int MAX_NAME = 40;

  /** The most characters of a GBCS version. */
  public static final int MAX_SHORT = 10;

  /** The most characters of a HAN variant. */
  public static final int MAX_HAN_VARIANT = 30;

  /** The most characters of an address identifier, as in SR 12.1. */
  public static final int MAX_ADDRESS_IDENTIFIER = 30;

  /** The most MPxNs one device holds. */
  public static final int MAX_MPXNS = 4;

  /** The HAN variant of a device pre-notified without one, as the synthetic estate's default. */
  public static final String DEFAULT_HAN_VARIANT = "Single Band";

  /** The CSP regions a device may be in. */
  public static final Set<CspRegion> REGIONS =
      Set.of(CspRegion.NORTH, CspRegion.CENTRAL, CspRegion.SOUTH);

  /** Checks every component; see the class description for the rules. */
  public Device {
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    text("manufacturer", manufacturer, MAX_NAME);
    text("model", model, MAX_NAME);
    text("firmwareVersion", firmwareVersion, MAX_NAME);
    Objects.requireNonNull(firmwareStatus, "firmwareStatus");
    text("smetsChtsVersion", smetsChtsVersion, MAX_NAME);
    text("gbcsVersion", gbcsVersion, MAX_SHORT);
    Objects.requireNonNull(mpxns, "mpxns");
    mpxns = List.copyOf(mpxns);
    if (mpxns.size() > MAX_MPXNS) {
      throw new IllegalArgumentException(
          "A device holds at most " + MAX_MPXNS + " MPxNs, not " + mpxns.size());
    }
    Set<String> seen = new HashSet<>();
    for (String m : mpxns) {
      checkMpxn(m);
      if (!seen.add(m)) {
        throw new IllegalArgumentException("MPxN " + m + " is listed twice");
      }
    }
    Objects.requireNonNull(uprn, "uprn");
    Objects.requireNonNull(postcode, "postcode");
    Objects.requireNonNull(addressIdentifier, "addressIdentifier");
    if (postcode.isPresent() != addressIdentifier.isPresent()) {
      throw new IllegalArgumentException(
          "A device's postcode and address identifier are both present or both absent, not "
              + (postcode.isPresent() ? "a postcode alone" : "an address identifier alone"));
    }
    addressIdentifier.ifPresent(a -> text("addressIdentifier", a, MAX_ADDRESS_IDENTIFIER));
    Objects.requireNonNull(cspRegion, "cspRegion");
    cspRegion.ifPresent(
        r -> {
          if (!REGIONS.contains(r)) {
            throw new IllegalArgumentException(
                "A device's CSP region is North, Central or South, not " + r.xmlText());
          }
        });
    text("hanVariant", hanVariant, MAX_HAN_VARIANT);
    Objects.requireNonNull(connectivity, "connectivity");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(networkOperator, "networkOperator");
  }

  /**
   * Checks an MPxN: an MPAN of 13 digits or an MPRN of 6 to 10 digits.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static String checkMpxn(String mpxn) {
    Objects.requireNonNull(mpxn, "mpxn");
    int n = mpxn.length();
    if (n < 6 || n > 13 || n == 11 || n == 12) {
      throw new IllegalArgumentException(
          "An MPxN is an MPAN of 13 digits or an MPRN of 6 to 10 digits, not '"
              + shown(mpxn)
              + "'");
    }
    for (int i = 0; i < n; i++) {
      char c = mpxn.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "An MPxN is decimal digits only, not '" + shown(mpxn) + "'");
      }
    }
    return mpxn;
  }

  private static void text(String what, String value, int max) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.length() > max) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + max + " characters, not " + value.length());
    }
    if (Character.isWhitespace(value.charAt(0))
        || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new IllegalArgumentException(
          what + " must not start or end with whitespace: '" + shown(value) + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(what + " must not hold control characters");
      }
    }
  }

  private static String shown(String s) {
    String printable =
        s.codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return printable.length() > 20 ? printable.substring(0, 20) + "..." : printable;
  }

  /** This device with another status. */
  public Device withStatus(DeviceStatus newStatus) {
    return new Device(
        eui,
        type,
        newStatus,
        manufacturer,
        model,
        firmwareVersion,
        firmwareStatus,
        smetsChtsVersion,
        gbcsVersion,
        mpxns,
        uprn,
        postcode,
        addressIdentifier,
        cspRegion,
        hanVariant,
        connectivity,
        supplier,
        networkOperator);
  }

  /**
   * This device installed elsewhere: another premises and MPxNs, everything else kept.
   *
   * @param newMpxns the MPxNs it serves there, possibly none
   * @param newUprn the premises' UPRN, when known
   * @param newPostcode the premises' postcode, or empty for no premises (present exactly when
   *     {@code newAddressIdentifier} is)
   * @param newAddressIdentifier the premises within the postcode, or empty for no premises
   * @param newRegion the CSP region, when known
   * @throws IllegalArgumentException when the result is not a valid device
   */
  public Device withPremises(
      List<String> newMpxns,
      Optional<Uprn> newUprn,
      Optional<Postcode> newPostcode,
      Optional<String> newAddressIdentifier,
      Optional<CspRegion> newRegion) {
    return new Device(
        eui,
        type,
        status,
        manufacturer,
        model,
        firmwareVersion,
        firmwareStatus,
        smetsChtsVersion,
        gbcsVersion,
        newMpxns,
        newUprn,
        newPostcode,
        newAddressIdentifier,
        newRegion,
        hanVariant,
        connectivity,
        supplier,
        networkOperator);
  }

  /**
   * This device running other firmware, everything else kept.
   *
   * @param version the firmware version (at most {@link #MAX_NAME} characters)
   * @param status the version's standing
   * @throws IllegalArgumentException when the version is not a valid text
   */
  public Device withFirmware(String version, FirmwareStatus status) {
    return new Device(
        eui,
        type,
        this.status,
        manufacturer,
        model,
        version,
        status,
        smetsChtsVersion,
        gbcsVersion,
        mpxns,
        uprn,
        postcode,
        addressIdentifier,
        cspRegion,
        hanVariant,
        connectivity,
        supplier,
        networkOperator);
  }

  /**
   * This device with other details, as an SR 12.2 update of a pre-notified device gives them,
   * everything else (the firmware's standing included) kept.
   *
   * @param newManufacturer the manufacturer (at most {@link #MAX_NAME} characters)
   * @param newModel the model (at most {@link #MAX_NAME} characters)
   * @param newSmetsChtsVersion the SMETS or CHTS version (at most {@link #MAX_NAME} characters)
   * @param newFirmwareVersion the firmware version (at most {@link #MAX_NAME} characters)
   * @throws IllegalArgumentException when a text is not valid
   */
  public Device withDetails(
      String newManufacturer,
      String newModel,
      String newSmetsChtsVersion,
      String newFirmwareVersion) {
    return new Device(
        eui,
        type,
        status,
        newManufacturer,
        newModel,
        newFirmwareVersion,
        firmwareStatus,
        newSmetsChtsVersion,
        gbcsVersion,
        mpxns,
        uprn,
        postcode,
        addressIdentifier,
        cspRegion,
        hanVariant,
        connectivity,
        supplier,
        networkOperator);
  }

  /**
   * A device as DUIS SR 12.2 pre-notifies it: {@link DeviceStatus#PENDING}, not yet installed (no
   * MPxNs, UPRN, premises or CSP region), its firmware {@link FirmwareStatus#ACTIVE}, HAN variant
   * {@value #DEFAULT_HAN_VARIANT}, no connectivity reported and no network operator.
   *
   * @param eui the device's EUI-64
   * @param type the kind of device
   * @param manufacturer the manufacturer (at most {@link #MAX_NAME} characters)
   * @param model the model (at most {@link #MAX_NAME} characters)
   * @param firmwareVersion the firmware version (at most {@link #MAX_NAME} characters)
   * @param smetsChtsVersion the SMETS or CHTS version (at most {@link #MAX_NAME} characters)
   * @param gbcsVersion the GBCS version (at most {@link #MAX_SHORT} characters)
   * @param supplier the responsible supplier's EUI-64, when there is one
   * @throws IllegalArgumentException when a text is not valid
   */
  public static Device prenotified(
      Eui64 eui,
      DeviceType type,
      String manufacturer,
      String model,
      String firmwareVersion,
      String smetsChtsVersion,
      String gbcsVersion,
      Optional<Eui64> supplier) {
    return new Device(
        eui,
        type,
        DeviceStatus.PENDING,
        manufacturer,
        model,
        firmwareVersion,
        FirmwareStatus.ACTIVE,
        smetsChtsVersion,
        gbcsVersion,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_HAN_VARIANT,
        Optional.empty(),
        supplier,
        Optional.empty());
  }
}
