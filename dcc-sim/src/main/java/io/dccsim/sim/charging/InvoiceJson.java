package io.dccsim.sim.charging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes an {@link InvoiceRun} as JSON. Amounts are decimal numbers of pounds with exactly two
 * decimal places (e.g. {@code 1200.50}), never binary floating point.
 */
public final class InvoiceJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private InvoiceJson() {}

  /** The run as a JSON tree. */
  public static ObjectNode toTree(InvoiceRun run) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("period", run.period().toString());
    root.put("policy", run.policy().toString());
    root.put("totalCharged", run.totalCharged().toPounds());
    root.put("totalInvoiced", run.totalInvoiced().toPounds());
    root.put("reconciled", run.reconciles());
    ArrayNode invoices = root.putArray("invoices");
    for (Invoice invoice : run.invoices()) {
      ObjectNode i = invoices.addObject();
      i.put("number", invoice.number());
      ObjectNode party = i.putObject("party");
      party.put("id", invoice.party().id());
      party.put("name", invoice.party().name());
      i.put("kind", invoice.kind().name());
      i.put("period", invoice.period().toString());
      i.put("total", invoice.total().toPounds());
      ArrayNode lines = i.putArray("lines");
      for (InvoiceLine line : invoice.lines()) {
        ObjectNode l = lines.addObject();
        l.put("item", line.itemId());
        l.put("category", line.category().name());
        l.put("date", line.date().toString());
        l.put("baseline", line.baseline().name());
        l.put("description", line.description());
        l.put("basis", line.basis());
        l.put("amount", line.amount().toPounds());
      }
    }
    return root;
  }

  /** The run as indented JSON text. */
  public static String write(InvoiceRun run) {
    return write(toTree(run));
  }

  /** A refusal as JSON: {@code {"error": "...", "problems": [...]}}. */
  public static String writeError(String error, List<String> problems) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("error", error);
    ArrayNode list = root.putArray("problems");
    problems.forEach(list::add);
    return write(root);
  }

  private static String write(ObjectNode tree) {
    try {
      return MAPPER.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
