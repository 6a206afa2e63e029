package io.dccsim.sim.charging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.value.UserRole;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads charge sheets written in JSON or YAML (the format is described in {@code docs/charges.md}).
 * Reading is strict: an unknown field, a field that does not belong to the item's type, a negative
 * or fractional-penny amount, an unknown role or a month that does not exist is refused, and every
 * problem is reported at once, each naming the party, item and field at fault.
 */
public final class ChargeSheetFormat {

  /** The largest charge sheet accepted, in bytes. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final Set<String> TOP = Set.of("period", "baseline", "parties", "items");
  private static final Set<String> PARTY = Set.of("id", "name", "roles", "allocationWeight");
  private static final Set<String> COMMON = Set.of("type", "id", "amount", "date", "description");

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML =
      configure(
          new YAMLMapper(
              YAMLFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(64).build())
                  .build()));

  /** The text form a charge sheet is written in. */
  public enum Syntax {
    /** JSON. */
    JSON,
    /** YAML. */
    YAML;

    /** YAML for a file name ending {@code .yaml} or {@code .yml}, otherwise JSON. */
    public static Syntax ofFileName(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
    }
  }

  /**
   * A charge sheet as read, with the baseline policy it asks for, if it names one.
   *
   * @param sheet the sheet
   * @param policy the policy named by the sheet's {@code baseline} field
   */
  public record Request(ChargeSheet sheet, Optional<BaselinePolicy> policy) {}

  private ChargeSheetFormat() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Reads a charge sheet.
   *
   * @throws InvalidChargesException if it is not well-formed or does not describe a valid sheet
   */
  public static Request read(byte[] bytes, Syntax syntax) {
    return read(bytes, syntax, Optional.empty());
  }

  /**
   * Reads a charge sheet, billing it for {@code period} when given instead of the sheet's own
   * {@code period} field (which may then be left out).
   *
   * @throws InvalidChargesException if it is not well-formed or does not describe a valid sheet
   */
  public static Request read(byte[] bytes, Syntax syntax, Optional<BillingPeriod> period) {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidChargesException(
          "the charge sheet has " + bytes.length + " bytes, more than the limit of " + MAX_BYTES);
    }
    JsonNode root;
    try {
      root = (syntax == Syntax.YAML ? YAML : JSON).readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InvalidChargesException(
          "the charge sheet is not well-formed " + syntax + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidChargesException("the charge sheet cannot be read: " + e.getMessage());
    }
    return read(root, period);
  }

  /** Reads a charge sheet from a parsed JSON tree, optionally for another period. */
  public static Request read(JsonNode root, Optional<BillingPeriod> periodOverride) {
    if (root == null || !root.isObject()) {
      throw new InvalidChargesException("the charge sheet must be an object");
    }
    List<String> problems = new ArrayList<>();
    unknownFields(root, TOP, "the charge sheet", problems);
    BillingPeriod period = periodOverride.orElse(null);
    JsonNode periodNode = root.get("period");
    if (period == null && (periodNode == null || !periodNode.isTextual())) {
      problems.add("period is missing (a month as yyyy-MM, e.g. \"2021-06\")");
    } else if (period == null) {
      try {
        period = BillingPeriod.parse(periodNode.asText());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    Optional<BaselinePolicy> policy = Optional.empty();
    JsonNode baselineNode = root.get("baseline");
    if (baselineNode != null && !baselineNode.isNull()) {
      try {
        policy = Optional.of(BaselinePolicy.parse(baselineNode.asText()));
      } catch (IllegalArgumentException e) {
        problems.add("baseline: " + e.getMessage());
      }
    }
    List<Party> parties = readParties(root.get("parties"), problems);
    Set<String> partyIds = new HashSet<>();
    root.path("parties").forEach(p -> partyIds.add(p.path("id").asText()));
    List<ChargeItem> items =
        readItems(root.get("items"), period == null ? null : period.firstDay(), partyIds, problems);
    if (!problems.isEmpty()) {
      throw new InvalidChargesException(problems);
    }
    return new Request(new ChargeSheet(period, parties, items), policy);
  }

  private static List<Party> readParties(JsonNode node, List<String> problems) {
    List<Party> parties = new ArrayList<>();
    if (node == null || !node.isArray()) {
      problems.add("parties is missing (a list of parties)");
      return parties;
    }
    if (node.size() > ChargeSheet.MAX_PARTIES) {
      problems.add(
          node.size() + " parties exceed the limit of " + ChargeSheet.MAX_PARTIES + " per sheet");
      return parties;
    }
    int index = 0;
    for (JsonNode p : node) {
      index++;
      String where = "party #" + index;
      if (!p.isObject()) {
        problems.add(where + " must be an object");
        continue;
      }
      String id = text(p, "id", where, problems, true);
      if (id != null) {
        where = "party " + id;
      }
      unknownFields(p, PARTY, where, problems);
      String name = text(p, "name", where, problems, true);
      Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
      JsonNode rolesNode = p.get("roles");
      if (rolesNode == null || !rolesNode.isArray() || rolesNode.isEmpty()) {
        problems.add(where + ": roles is missing (a list such as [\"IMPORT_SUPPLIER\"])");
      } else {
        for (JsonNode r : rolesNode) {
          Optional<UserRole> role = role(r.asText());
          if (role.isPresent()) {
            roles.add(role.get());
          } else {
            problems.add(
                where
                    + ": unknown role '"
                    + r.asText()
                    + "' (expected one of "
                    + List.of(UserRole.values())
                    + ")");
          }
        }
      }
      long weight = 1;
      JsonNode weightNode = p.get("allocationWeight");
      if (weightNode != null) {
        if (!weightNode.isIntegralNumber() || !weightNode.canConvertToLong()) {
          problems.add(where + ": allocationWeight '" + weightNode + "' is not a whole number");
          continue;
        }
        weight = weightNode.asLong();
      }
      if (id == null || name == null || roles.isEmpty()) {
        continue;
      }
      try {
        parties.add(new Party(id, name, roles, weight));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return parties;
  }

  private static List<ChargeItem> readItems(
      JsonNode node, LocalDate defaultDate, Set<String> partyIds, List<String> problems) {
    List<ChargeItem> items = new ArrayList<>();
    if (node == null) {
      return items;
    }
    if (!node.isArray()) {
      problems.add("items must be a list");
      return items;
    }
    if (node.size() > ChargeSheet.MAX_ITEMS) {
      problems.add(
          node.size() + " items exceed the limit of " + ChargeSheet.MAX_ITEMS + " per sheet");
      return items;
    }
    int index = 0;
    for (JsonNode n : node) {
      index++;
      if (!n.isObject()) {
        problems.add("item #" + index + " must be an object");
        continue;
      }
      String type = n.path("type").asText("");
      String id = n.hasNonNull("id") ? n.get("id").asText() : defaultId(type, index);
      String where = (type.isEmpty() ? "item" : type + " item") + " " + id;
      String partyField;
      Set<String> allowed = new HashSet<>(COMMON);
      switch (type) {
        case FixedChargeShare.TYPE -> {
          partyField = "party";
        }
        case PrivacyAssessment.TYPE -> {
          partyField = "assessedParty";
          allowed.add("panelRequested");
        }
        case CommsHubFinanceCharge.TYPE -> {
          partyField = "party";
          allowed.add("separateInvoiceRequired");
        }
        default -> {
          problems.add(
              where
                  + ": type '"
                  + type
                  + "' is not one of "
                  + FixedChargeShare.TYPE
                  + ", "
                  + PrivacyAssessment.TYPE
                  + ", "
                  + CommsHubFinanceCharge.TYPE);
          continue;
        }
      }
      allowed.add(partyField);
      int before = problems.size();
      unknownFields(n, allowed, where, problems);
      String party = text(n, partyField, where, problems, true);
      if (party != null && !partyIds.contains(party)) {
        problems.add(where + " names unknown party " + party);
      }
      Money amount = amount(n, where, problems);
      LocalDate date = defaultDate;
      if (n.hasNonNull("date")) {
        try {
          date = LocalDate.parse(n.get("date").asText());
        } catch (DateTimeParseException e) {
          problems.add(
              where + ": date '" + n.get("date").asText() + "' is not a date (yyyy-MM-dd)");
        }
      }
      String description = n.hasNonNull("description") ? n.get("description").asText() : "";
      Boolean panel = flag(n, "panelRequested", where, problems);
      Boolean separate = flag(n, "separateInvoiceRequired", where, problems);
      if (problems.size() > before || date == null) {
        continue;
      }
      try {
        items.add(
            switch (type) {
              case FixedChargeShare.TYPE ->
                  new FixedChargeShare(
                      id, party, date, amount, orDefault(description, "Fixed Charges share"));
              case PrivacyAssessment.TYPE ->
                  new PrivacyAssessment(
                      id,
                      party,
                      date,
                      amount,
                      panel != null && panel,
                      orDefault(description, "Random Sample Privacy Assessment of " + party));
              default ->
                  new CommsHubFinanceCharge(
                      id,
                      party,
                      date,
                      amount,
                      separate != null && separate,
                      orDefault(description, "Communications Hub Finance Charges"));
            });
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    return items;
  }

  /**
   * A User Role from its enum name, abbreviation ({@code OU}) or display name ({@code Other User}),
   * ignoring case and treating {@code -} and spaces as {@code _}.
   */
  static Optional<UserRole> role(String text) {
    Optional<UserRole> direct = UserRole.parse(text);
    if (direct.isPresent()) {
      return direct;
    }
    String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (UserRole role : UserRole.values()) {
      if (role.name().equals(key)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  private static String defaultId(String type, int index) {
    String prefix =
        switch (type) {
          case PrivacyAssessment.TYPE -> "RSPA";
          case CommsHubFinanceCharge.TYPE -> "CHF";
          default -> "FIX";
        };
    return prefix + "-" + index;
  }

  private static String orDefault(String text, String fallback) {
    return text.isBlank() ? fallback : text;
  }

  private static Money amount(JsonNode n, String where, List<String> problems) {
    JsonNode a = n.get("amount");
    if (a == null || a.isNull()) {
      problems.add(where + ": amount is missing (pounds, e.g. 1200.50)");
      return null;
    }
    if (!a.isNumber() && !a.isTextual()) {
      problems.add(where + ": amount '" + a + "' is not a number of pounds");
      return null;
    }
    Money money;
    try {
      money = a.isNumber() ? Money.ofPounds(a.decimalValue()) : Money.parse(a.asText());
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
    if (money.isNegative()) {
      problems.add(where + ": amount " + money + " is negative");
      return null;
    }
    return money;
  }

  private static Boolean flag(JsonNode n, String field, String where, List<String> problems) {
    JsonNode f = n.get(field);
    if (f == null || f.isNull()) {
      return null;
    }
    if (!f.isBoolean()) {
      problems.add(where + ": " + field + " '" + f + "' is not true or false");
      return null;
    }
    return f.booleanValue();
  }

  private static String text(
      JsonNode n, String field, String where, List<String> problems, boolean required) {
    JsonNode f = n.get(field);
    if (f == null || f.isNull() || (f.isTextual() && f.asText().isBlank())) {
      if (required) {
        problems.add(where + ": " + field + " is missing");
      }
      return null;
    }
    if (!f.isValueNode()) {
      problems.add(where + ": " + field + " must be text");
      return null;
    }
    return f.asText();
  }

  private static void unknownFields(
      JsonNode n, Set<String> allowed, String where, List<String> problems) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        problems.add(where + ": field '" + field + "' is not allowed here" + hint(field));
      }
    }
  }

  private static String hint(String field) {
    return switch (field) {
      case "separateInvoiceRequired" ->
          " (only a " + CommsHubFinanceCharge.TYPE + " item has a separate-invoice flag)";
      case "panelRequested" -> " (only a " + PrivacyAssessment.TYPE + " item has this flag)";
      case "assessedParty" -> " (only a " + PrivacyAssessment.TYPE + " item names one)";
      case "party" -> " (a " + PrivacyAssessment.TYPE + " item names its assessedParty)";
      default -> "";
    };
  }
}
