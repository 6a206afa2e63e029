package io.dccsim.sim.device;

import io.dccsim.core.gbcs.AccessRequestSpecification;
import io.dccsim.core.gbcs.CosemDescriptor;
import io.dccsim.core.gbcs.DlmsData;
import io.dccsim.core.gbcs.DlmsDateTime;
import io.dccsim.core.gbcs.Octets;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.service.internal.Fields;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * SR 1.1.1 Update Import Tariff (Primary Element) on an ESME, ECS01a: the DUIS body {@code
 * UpdateImportTariffPrimaryElement} turned into the DLMS multi-set of the meter's passive tariff.
 * Twenty-one attributes, in this order:
 *
 * <ol>
 *   <li>the activity calendar ({@code 0-0:13.0.0.255}) passive season profile, week profile table
 *       and day profile table: {@code Seasons}, {@code WeekProfiles}, {@code DayProfiles}; a {@code
 *       TOUTariffAction} n runs script n of {@code 0-0:10.0.100.255}, a {@code BlockTariffAction} n
 *       script 100 + n;
 *   <li>the special days table ({@code 0-1:11.0.0.255}): {@code SpecialDays}, numbered in order;
 *   <li>the eight block-threshold register monitors ({@code 0-0:16.1.11.255} to {@code
 *       0-0:16.1.18.255}): {@code ThresholdMatrix/Thresholds} 1 to 8, each its {@code
 *       BlockThreshold}s (an absent one is an empty list);
 *   <li>the currency unit ({@code 0-0:94.44.2.0}, attribute 4): {@code true} for GBP, as the public
 *       reference data has it, {@code false} for EUR (a project rule);
 *   <li>the standing charge ({@code 0-0:19.20.4.255}, class Charge, unit charge passive): {@code
 *       StandingCharge} at {@code StandingChargeScale};
 *   <li>the price charge ({@code 0-0:19.20.0.255}): {@code PriceScale} and a table of 80 prices, 48
 *       TOU prices (indexes {@code 01} to {@code 30}) then four blocks of eight ({@code A1} to
 *       {@code D8}; {@code BlockPrices} n, {@code BlockPrice} k is block k of rate n), zero where
 *       not given;
 *   <li>six activation date-times, all the body's {@code ExecutionDateTime} (day of week not
 *       specified) or, for an immediate change, the zero date-time.
 * </ol>
 *
 * <p>Values the DLMS types cannot hold (a price outside a {@code long}) are refused as malformed.
 */
final class ImportTariff {
  /** The DUIS body element. */
  static final String BODY = "UpdateImportTariffPrimaryElement";

  /** Attributes set by the command. */
  static final int ATTRIBUTES = 21;

  private static final int TOU_PRICES = 48;
  private static final int NOT_SPECIFIED = 0xFF;

  /** The zero date-time of an immediate change: only deviation and clock status not specified. */
  private static final DlmsDateTime IMMEDIATE =
      new DlmsDateTime(0, 0, 0, 0, 0, 0, 0, 0, DlmsDateTime.DEVIATION_NOT_SPECIFIED, NOT_SPECIFIED);

  private static final int BLOCKS = 4;
  private static final int BLOCK_RATES = 8;
  private static final Octets CALENDAR = obis(0, 0, 13, 0, 0, 0xFF);
  private static final Octets SPECIAL_DAYS = obis(0, 1, 11, 0, 0, 0xFF);
  private static final Octets TARIFF_SCRIPTS = obis(0, 0, 10, 0, 100, 0xFF);
  private static final Octets CURRENCY = obis(0, 0, 94, 44, 2, 0);
  private static final Octets THRESHOLDS_ACTIVATION = obis(0, 0, 94, 44, 128, 29);
  private static final Octets STANDING_CHARGE = obis(0, 0, 19, 20, 4, 0xFF);
  private static final Octets PRICES = obis(0, 0, 19, 20, 0, 0xFF);
  private static final Octets TARIFF_ACTIVATION = obis(0, 0, 63, 1, 1, 0xFF);
  private static final Octets ACTIVE_IMPORT = obis(1, 0, 1, 8, 0, 0xFF);
  private static final int ACTIVITY_CALENDAR_CLASS = 20;
  private static final int SPECIAL_DAYS_CLASS = 11;
  private static final int REGISTER_MONITOR_CLASS = 21;
  private static final int CHARGE_CLASS = 113;
  private static final int GBCS_CLASS = 9000;
  private static final int REGISTER_CLASS = 3;

  private final List<AccessRequestSpecification> specifications;
  private final List<DlmsData> data;

  private ImportTariff(List<AccessRequestSpecification> specifications, List<DlmsData> data) {
    this.specifications = List.copyOf(specifications);
    this.data = List.copyOf(data);
  }

  List<AccessRequestSpecification> specifications() {
    return specifications;
  }

  List<DlmsData> data() {
    return data;
  }

  /**
   * The multi-set for {@code body}.
   *
   * @throws MalformedRequestException when the body is not an {@value #BODY} for electricity, or a
   *     value does not fit
   */
  static ImportTariff of(Element body) {
    Fields tariff = Fields.of(body, "1.1.1", BODY);
    Fields elec =
        tariff
            .child("ElecTariffElements")
            .orElseThrow(() -> new MalformedRequestException("ElecTariffElements is required"));
    Fields prices =
        tariff
            .child("PriceElements")
            .flatMap(p -> p.child("ElectricityPriceElements"))
            .orElseThrow(
                () -> new MalformedRequestException("ElectricityPriceElements is required"));
    Fields switching =
        elec.child("SwitchingTable")
            .orElseThrow(() -> new MalformedRequestException("SwitchingTable is required"));
    DlmsData activation = activation(tariff.text("ExecutionDateTime"));

    List<AccessRequestSpecification> specs = new ArrayList<>();
    List<DlmsData> values = new ArrayList<>();
    set(specs, values, ACTIVITY_CALENDAR_CLASS, CALENDAR, 7, seasons(switching));
    set(specs, values, ACTIVITY_CALENDAR_CLASS, CALENDAR, 8, weeks(switching));
    set(specs, values, ACTIVITY_CALENDAR_CLASS, CALENDAR, 9, days(switching));
    set(specs, values, SPECIAL_DAYS_CLASS, SPECIAL_DAYS, 2, specialDays(elec));
    List<List<Long>> thresholds = thresholds(elec);
    for (int i = 0; i < BLOCK_RATES; i++) {
      List<DlmsData> row = new ArrayList<>();
      thresholds.get(i).forEach(t -> row.add(new DlmsData.UInt32(t)));
      set(specs, values, REGISTER_MONITOR_CLASS, obis(0, 0, 16, 1, 11 + i, 0xFF), 2, array(row));
    }
    set(specs, values, GBCS_CLASS, CURRENCY, 4, new DlmsData.Bool(gbp(elec)));
    set(specs, values, CHARGE_CLASS, STANDING_CHARGE, 6, standingCharge(prices));
    set(specs, values, CHARGE_CLASS, PRICES, 6, priceTable(prices));
    set(specs, values, ACTIVITY_CALENDAR_CLASS, CALENDAR, 10, activation);
    set(specs, values, GBCS_CLASS, THRESHOLDS_ACTIVATION, 6, activation);
    set(specs, values, GBCS_CLASS, CURRENCY, 6, activation);
    set(specs, values, CHARGE_CLASS, STANDING_CHARGE, 7, activation);
    set(specs, values, CHARGE_CLASS, PRICES, 7, activation);
    set(specs, values, GBCS_CLASS, TARIFF_ACTIVATION, 6, activation);
    return new ImportTariff(specs, values);
  }

  private static void set(
      List<AccessRequestSpecification> specs,
      List<DlmsData> values,
      int classId,
      Octets instance,
      int attribute,
      DlmsData value) {
    specs.add(
        AccessRequestSpecification.of(
            AccessRequestSpecification.Kind.SET,
            new CosemDescriptor(classId, instance, attribute)));
    values.add(value);
  }

  private static DlmsData seasons(Fields switching) {
    List<DlmsData> out = new ArrayList<>();
    for (Fields season : children(switching, "Seasons", "Season")) {
      Fields start =
          season
              .child("SeasonStartDate")
              .orElseThrow(() -> new MalformedRequestException("SeasonStartDate is required"));
      DlmsDateTime date = date(start);
      out.add(
          DlmsData.Structure.of(
              DlmsData.OctetString.of(
                  season.required("SeasonName").getBytes(StandardCharsets.UTF_8)),
              DlmsData.OctetString.of(date.toBytes()),
              DlmsData.OctetString.of((byte) number(season, "ReferencedWeekName", 1, 255))));
    }
    return array(out);
  }

  private static DlmsData weeks(Fields switching) {
    List<DlmsData> out = new ArrayList<>();
    for (Fields week : children(switching, "WeekProfiles", "WeekProfile")) {
      List<DlmsData> row = new ArrayList<>();
      row.add(DlmsData.OctetString.of((byte) number(week, "WeekName", 1, 255)));
      for (Element day : indexed(week, "ReferencedDayName")) {
        row.add(new DlmsData.UInt8(parse("ReferencedDayName", day.getTextContent(), 1, 255)));
      }
      if (row.size() != 8) {
        throw new MalformedRequestException("a WeekProfile names seven days");
      }
      out.add(new DlmsData.Structure(row));
    }
    return array(out);
  }

  private static DlmsData days(Fields switching) {
    List<DlmsData> out = new ArrayList<>();
    for (Fields day : children(switching, "DayProfiles", "DayProfile")) {
      List<DlmsData> actions = new ArrayList<>();
      for (Element schedule : named(day, "ProfileSchedule")) {
        Fields s = Fields.of(schedule, "1.1.1", "ProfileSchedule");
        int script =
            s.has("BlockTariffAction")
                ? 100 + number(s, "BlockTariffAction", 1, BLOCK_RATES)
                : number(s, "TOUTariffAction", 1, TOU_PRICES);
        actions.add(
            DlmsData.Structure.of(
                DlmsData.OctetString.of(time(s.required("StartTime"))),
                new DlmsData.OctetString(TARIFF_SCRIPTS),
                new DlmsData.UInt16(script)));
      }
      out.add(
          DlmsData.Structure.of(
              new DlmsData.UInt8(number(day, "DayName", 1, 255)), array(actions)));
    }
    return array(out);
  }

  private static DlmsData specialDays(Fields elec) {
    List<DlmsData> out = new ArrayList<>();
    int index = 1;
    for (Fields special : children(elec, "SpecialDays", "SpecialDay")) {
      Fields date =
          special
              .child("Date")
              .orElseThrow(() -> new MalformedRequestException("SpecialDay/Date is required"));
      out.add(
          DlmsData.Structure.of(
              new DlmsData.UInt16(index++),
              DlmsData.OctetString.of(Arrays.copyOf(date(date).toBytes(), 5)), // the date part only
              new DlmsData.UInt8(number(special, "ReferencedDayName", 1, 255))));
    }
    return array(out);
  }

  private static List<List<Long>> thresholds(Fields elec) {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < BLOCK_RATES; i++) {
      out.add(new ArrayList<>());
    }
    Optional<Fields> matrix = elec.child("ThresholdMatrix");
    if (matrix.isPresent()) {
      for (Element row : matrix.get().elements()) {
        int rate = index(row, BLOCK_RATES);
        for (Element threshold : indexed(Fields.of(row, "1.1.1", "Thresholds"), "BlockThreshold")) {
          out.get(rate - 1)
              .add(parseLong("BlockThreshold", threshold.getTextContent(), 0, 0xFFFF_FFFFL));
        }
      }
    }
    return out;
  }

  private static boolean gbp(Fields elec) {
    String currency = elec.required("CurrencyUnits");
    return switch (currency) {
      case "GBP" -> true;
      case "EUR" -> false;
      default -> throw new MalformedRequestException("CurrencyUnits " + currency + " is not known");
    };
  }

  private static DlmsData standingCharge(Fields prices) {
    return DlmsData.Structure.of(
        DlmsData.Structure.of(
            new DlmsData.Int8(0),
            new DlmsData.Int8(number(prices, "StandingChargeScale", -128, 127))),
        DlmsData.Structure.of(
            new DlmsData.UInt16(0), DlmsData.OctetString.of(new byte[6]), new DlmsData.Int8(0)),
        array(
            List.of(
                DlmsData.Structure.of(
                    DlmsData.OctetString.of(),
                    new DlmsData.Int16(number(prices, "StandingCharge", -32768, 32767))))));
  }

  private static DlmsData priceTable(Fields prices) {
    int[] table = new int[TOU_PRICES + BLOCKS * BLOCK_RATES];
    for (String kind : List.of("TOUTariff", "BlockTariff", "HybridTariff")) {
      Optional<Fields> given = prices.child(kind);
      if (given.isEmpty()) {
        continue;
      }
      for (Element e : given.get().elements()) {
        if ("TOUPrice".equals(e.getLocalName())) {
          table[index(e, TOU_PRICES) - 1] = price(e);
        } else if ("BlockPrices".equals(e.getLocalName())) {
          int rate = index(e, BLOCK_RATES);
          for (Element block : indexed(Fields.of(e, "1.1.1", "BlockPrices"), "BlockPrice")) {
            int k = index(block, BLOCKS);
            table[TOU_PRICES + (k - 1) * BLOCK_RATES + rate - 1] = price(block);
          }
        }
      }
    }
    List<DlmsData> rows = new ArrayList<>();
    for (int i = 0; i < table.length; i++) {
      int label =
          i < TOU_PRICES
              ? i + 1
              : 0xA0 + 0x10 * ((i - TOU_PRICES) / BLOCK_RATES) + (i - TOU_PRICES) % BLOCK_RATES + 1;
      rows.add(
          DlmsData.Structure.of(
              DlmsData.OctetString.of((byte) label), new DlmsData.Int16(table[i])));
    }
    return DlmsData.Structure.of(
        DlmsData.Structure.of(
            new DlmsData.Int8(3), new DlmsData.Int8(number(prices, "PriceScale", -128, 127))),
        DlmsData.Structure.of(
            new DlmsData.UInt16(REGISTER_CLASS),
            new DlmsData.OctetString(ACTIVE_IMPORT),
            new DlmsData.Int8(2)),
        array(rows));
  }

  private static int price(Element e) {
    return parse(e.getLocalName(), e.getTextContent(), -32768, 32767);
  }

  /** The activation date-time: the execution date-time, or zero for an immediate change. */
  private static DlmsData activation(Optional<String> execution) {
    DlmsDateTime at = IMMEDIATE;
    if (execution.isPresent()) {
      OffsetDateTime t;
      try {
        t = OffsetDateTime.parse(execution.get()).withOffsetSameInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new MalformedRequestException("ExecutionDateTime is not a date-time");
      }
      at =
          new DlmsDateTime(
              t.getYear(),
              t.getMonthValue(),
              t.getDayOfMonth(),
              NOT_SPECIFIED,
              t.getHour(),
              t.getMinute(),
              t.getSecond(),
              0,
              DlmsDateTime.DEVIATION_NOT_SPECIFIED,
              NOT_SPECIFIED);
    }
    return DlmsData.OctetString.of(at.toBytes());
  }

  /**
   * A DUIS date of specified or non-specified parts, as a DLMS date-time at midnight (deviation and
   * clock status not specified).
   */
  private static DlmsDateTime date(Fields d) {
    return new DlmsDateTime(
        part(d, "Year", 0, 0xFFFE, 0xFFFF),
        part(d, "Month", 1, 12, NOT_SPECIFIED),
        part(d, "DayOfMonth", 1, 31, NOT_SPECIFIED),
        part(d, "DayOfWeek", 1, 7, NOT_SPECIFIED),
        0,
        0,
        0,
        0,
        DlmsDateTime.DEVIATION_NOT_SPECIFIED,
        NOT_SPECIFIED);
  }

  private static int part(Fields d, String name, int min, int max, int notSpecified) {
    Fields p =
        d.child(name).orElseThrow(() -> new MalformedRequestException(name + " is required"));
    Optional<String> specified = p.text("Specified" + name);
    return specified.isPresent() ? parse(name, specified.get(), min, max) : notSpecified;
  }

  /** {@code hh:mm:ss[.ff]Z} as DLMS time: hour, minute, second, hundredths. */
  private static byte[] time(String text) {
    try {
      java.time.OffsetTime t = java.time.OffsetTime.parse(text);
      return new byte[] {
        (byte) t.getHour(),
        (byte) t.getMinute(),
        (byte) t.getSecond(),
        (byte) (t.getNano() / 10_000_000)
      };
    } catch (DateTimeParseException e) {
      throw new MalformedRequestException("StartTime " + text + " is not a time");
    }
  }

  private static List<Fields> children(Fields parent, String list, String item) {
    List<Fields> out = new ArrayList<>();
    Optional<Fields> l = parent.child(list);
    if (l.isPresent()) {
      for (Element e : l.get().elements()) {
        out.add(Fields.of(e, "1.1.1", item));
      }
    }
    return out;
  }

  private static List<Element> named(Fields parent, String name) {
    return parent.elements().stream().filter(e -> name.equals(e.getLocalName())).toList();
  }

  /** The children {@code name}, in the order of their {@code index} attribute. */
  private static List<Element> indexed(Fields parent, String name) {
    return named(parent, name).stream()
        .sorted(Comparator.comparingInt(e -> index(e, Integer.MAX_VALUE)))
        .toList();
  }

  private static int index(Element e, int max) {
    return parse(e.getLocalName() + "/@index", e.getAttribute("index"), 1, max);
  }

  private static int number(Fields f, String name, int min, int max) {
    return parse(name, f.required(name), min, max);
  }

  private static int parse(String name, String text, int min, int max) {
    return (int) parseLong(name, text, min, max);
  }

  private static long parseLong(String name, String text, long min, long max) {
    try {
      long v = Long.parseLong(text.strip());
      if (v < min || v > max) {
        throw new MalformedRequestException(name + " " + v + " is outside " + min + ".." + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new MalformedRequestException(name + " is not a number");
    }
  }

  private static DlmsData array(List<? extends DlmsData> elements) {
    return new DlmsData.Array(List.copyOf(elements));
  }

  private static Octets obis(int a, int b, int c, int d, int e, int f) {
    return Octets.of(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d, (byte) e, (byte) f});
  }
}
