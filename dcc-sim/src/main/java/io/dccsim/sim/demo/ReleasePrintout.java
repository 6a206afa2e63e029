package io.dccsim.sim.demo;

import io.dccsim.core.release.DocumentVersion;
import io.dccsim.core.release.Modification;
import io.dccsim.core.release.ReleaseEvent;
import io.dccsim.core.release.SecDocument;
import io.dccsim.core.release.SecParty;
import io.dccsim.core.release.SecRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text printout of a SEC release, read entirely from the release model: its modifications, the
 * participant and document impact matrices, the timeline and the document history.
 */
public final class ReleasePrintout {

  private ReleasePrintout() {}

  /** The printout of {@code release}. */
  public static String print(SecRelease release) {
    StringBuilder out = new StringBuilder();
    out.append(release.name())
        .append(": go-live ")
        .append(release.goLiveDate())
        .append(" (in force from ")
        .append(release.goLive())
        .append(", the start of the day in ")
        .append(SecRelease.SEC_ZONE)
        .append(")\n\n");

    out.append("Modifications\n");
    for (Modification m : release.modifications()) {
      out.append("  ")
          .append(m.id())
          .append("  ")
          .append(m.title())
          .append(" [")
          .append(m.inclusion().name().toLowerCase(Locale.ROOT))
          .append("]\n");
      out.append("         before: ").append(m.before()).append('\n');
      out.append("         after:  ").append(m.after()).append('\n');
      out.append("         page:   ").append(m.page()).append('\n');
    }

    out.append("\nParticipant impact matrix\n");
    List<String> header = new ArrayList<>(List.of("Modification"));
    for (SecParty p : SecParty.values()) {
      header.add(p.displayName());
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (Modification m : release.modifications()) {
      List<String> row = new ArrayList<>(List.of(m.id()));
      for (SecParty p : SecParty.values()) {
        row.add(m.affects(p) ? "x" : "");
      }
      rows.add(row);
    }
    table(out, rows);

    out.append("\nSEC document impact matrix\n");
    rows = new ArrayList<>();
    header = new ArrayList<>(List.of("Document"));
    for (Modification m : release.modifications()) {
      header.add(m.id());
    }
    rows.add(header);
    for (SecDocument d : SecDocument.values()) {
      List<String> row = new ArrayList<>();
      row.add(d.reference() + d.title().map(t -> " '" + t + "'").orElse(""));
      for (Modification m : release.modifications()) {
        row.add(m.documents().contains(d) ? "x" : "");
      }
      rows.add(row);
    }
    table(out, rows);

    out.append("\nTimeline\n");
    for (ReleaseEvent e : release.timeline()) {
      out.append("  ").append(e.date()).append("  ").append(e.event()).append('\n');
      out.append("              ").append(e.notes()).append('\n');
    }

    out.append("\nRelease Implementation Document history\n");
    for (DocumentVersion v : release.documentHistory()) {
      out.append("  v")
          .append(v.version())
          .append("  ")
          .append(v.date())
          .append("  ")
          .append(v.changes())
          .append('\n');
    }
    return out.toString();
  }

  /** Writes rows as aligned columns, two spaces apart, indented by two. */
  static void table(StringBuilder out, List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
