package io.dccsim.sim.scenario;

import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ServiceReferenceVariant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a canned answer's body may hold, filled from the request it answers: {@code
 * {{requestId}}}, {@code {{originator}}}, {@code {{target}}} (EUI-64s as the RequestID writes
 * them), {@code {{counter}}} (decimal, unsigned), {@code {{srv}}} (e.g. {@code 8.2}), {@code
 * {{now}}} (the simulated time, UTC, to the second, as {@code ResponseDateTime}) and {@code
 * {{today}}} (its date). Values are written XML-escaped, so a filled template stays well-formed.
 */
public final class AnswerTemplate {
  /** Every placeholder name, in the order documented. */
  public static final List<String> NAMES =
      List.of("requestId", "originator", "target", "counter", "srv", "now", "today");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

  private AnswerTemplate() {}

  /**
   * The placeholders {@code template} names.
   *
   * @throws IllegalArgumentException naming one it does not know
   */
  public static Set<String> check(String template) {
    Set<String> used = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!NAMES.contains(m.group(1))) {
        throw new IllegalArgumentException(
            "Unknown placeholder {{" + m.group(1) + "}} in a canned answer (known: " + NAMES + ")");
      }
      used.add(m.group(1));
    }
    return used;
  }

  private static final io.dccsim.core.xml.SecureXml XML =
      io.dccsim.core.xml.SecureXml.withDefaults();

  /**
   * Refuses a template that is not one well-formed XML element once filled (checked with sample
   * values), so a mistake shows when the answer is defined, not when a request meets it.
   *
   * @throws IllegalArgumentException with the parser's reason
   */
  public static void checkWellFormed(String template) {
    String sample =
        fill(
            template,
            RequestId.parse("90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1"),
            ServiceReferenceVariant.parse("12.1"),
            Instant.EPOCH);
    element(XML, sample);
  }

  /**
   * The element of a filled template, parsed with the prefix {@code sr} bound to the DUIS namespace
   * unless the body binds it itself (so {@code <sr:DSPInventory>...} needs no declaration).
   *
   * @throws IllegalArgumentException when it is not exactly one well-formed element
   */
  public static org.w3c.dom.Element element(io.dccsim.core.xml.SecureXml xml, String filled) {
    String wrapped = "<canned xmlns:sr=\"" + DUIS_NAMESPACE + "\">" + filled + "</canned>";
    org.w3c.dom.Document d;
    try {
      d = xml.parse(wrapped.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (io.dccsim.core.xml.XmlRejectedException e) {
      throw new IllegalArgumentException(
          "A canned answer's body must be one well-formed XML element: " + e.getMessage(), e);
    }
    org.w3c.dom.Element only = null;
    for (org.w3c.dom.Node n = d.getDocumentElement().getFirstChild();
        n != null;
        n = n.getNextSibling()) {
      if (n.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
        if (only != null) {
          throw new IllegalArgumentException(
              "A canned answer's body must be one XML element, not several");
        }
        only = (org.w3c.dom.Element) n;
      } else if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
        throw new IllegalArgumentException(
            "A canned answer's body must be one XML element, without text around it");
      }
    }
    if (only == null) {
      throw new IllegalArgumentException("A canned answer's body must be one XML element");
    }
    return only;
  }

  private static final String DUIS_NAMESPACE = "http://www.dccinterface.co.uk/ServiceUserGateway";

  /** The template with each placeholder replaced by its value for this request, at {@code now}. */
  public static String fill(
      String template, RequestId request, ServiceReferenceVariant srv, Instant now) {
    if (template.indexOf("{{") < 0) {
      return template;
    }
    Instant second = now.truncatedTo(ChronoUnit.SECONDS);
    Map<String, String> values =
        Map.of(
            "requestId", request.toString(),
            "originator", request.originator().toString(),
            "target", request.target().toString(),
            "counter", request.counterText(),
            "srv", srv.toString(),
            "now", second.toString(),
            "today", second.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(escape(value == null ? "" : value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
