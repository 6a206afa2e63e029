package io.dccsim.sim.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.release.Modification;
import io.dccsim.core.release.SecRelease;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the demonstration observed: one section per modification of the release, in the release's
 * order.
 *
 * @param release the release demonstrated
 * @param sections one section per modification
 */
public record DemoReport(SecRelease release, List<DemoSection> sections) {

  /** Copies the sections. */
  public DemoReport {
    sections = List.copyOf(sections);
  }

  /** The section demonstrating {@code modification}. */
  public Optional<DemoSection> section(Modification modification) {
    return sections.stream().filter(s -> s.modification() == modification).findFirst();
  }

  /**
   * The report as JSON: the release, then per section the modification, the method, the rows
   * ({@code label}, {@code before}, {@code after}, {@code changed}) and, for a section not run,
   * {@code notRun} with the reason.
   */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("release", release.name());
    root.put("goLive", release.goLiveDate().toString());
    ArrayNode list = root.putArray("sections");
    for (DemoSection s : sections) {
      ObjectNode n = list.addObject();
      n.put("modification", s.modification().id());
      n.put("title", s.modification().title());
      s.failure().ifPresent(f -> n.put("notRun", f));
      s.method().forEach(n.withArray("method")::add);
      ArrayNode rows = n.putArray("rows");
      for (DemoRow r : s.rows()) {
        rows.addObject()
            .put("label", r.label())
            .put("before", r.before())
            .put("after", r.after())
            .put("changed", r.changed());
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The report as text: per section a heading, the method, then a table of observations with the
   * values before and after go-live side by side; {@code *} marks a row the release changed.
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(release.name())
        .append(": before and after go-live on ")
        .append(release.goLiveDate())
        .append('\n');
    out.append("Every value below was computed by running the simulator under each baseline;")
        .append(" '*' marks a change.\n");
    for (DemoSection s : sections) {
      Modification m = s.modification();
      out.append('\n').append("== ").append(m.id()).append(" ").append(m.title()).append(" ==\n");
      out.append("   before: ").append(m.before()).append('\n');
      out.append("   after:  ").append(m.after()).append('\n');
      if (s.failure().isPresent()) {
        out.append("   NOT RUN: ").append(s.failure().get()).append('\n');
        continue;
      }
      for (String line : s.method()) {
        out.append("   - ").append(line).append('\n');
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of(" ", "observed", "before go-live", "after go-live"));
      for (DemoRow r : s.rows()) {
        rows.add(List.of(r.changed() ? "*" : " ", r.label(), r.before(), r.after()));
      }
      ReleasePrintout.table(out, rows);
    }
    return out.toString();
  }
}
