package io.dccsim.sim.demo;

import io.dccsim.core.release.Modification;
import io.dccsim.core.release.SecRelease;
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
