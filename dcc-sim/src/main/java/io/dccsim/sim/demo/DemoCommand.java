package io.dccsim.sim.demo;

import io.dccsim.core.release.Modification;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dccsim demo}: runs the simulator before and after the June 2021 release's go-live and
 * prints what each modification changed, side by side. Exit status 0 when every section ran, 3 when
 * some could not be run (the report says which and why).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the simulator before and after the June 2021 SEC release's go-live and prints, for",
      "each of its five modifications, what changed, side by side."
    })
public final class DemoCommand implements Callable<Integer> {

  /** The output formats. */
  public enum OutputFormat {
    text,
    json
  }

  @Spec private CommandSpec spec;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "MP",
      description = "Run only these modifications' sections, e.g. --only MP144,MP153.")
  private List<String> only;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text (side by side) or json (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Override
  public Integer call() {
    Set<Modification> sections = EnumSet.allOf(Modification.class);
    if (only != null && !only.isEmpty()) {
      sections = EnumSet.noneOf(Modification.class);
      for (String id : only) {
        Optional<Modification> m = Modification.fromId(id);
        if (m.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println(
                  "demo: unknown modification '"
                      + id
                      + "' (expected one of "
                      + List.of(Modification.values())
                      + ")");
          return 2;
        }
        sections.add(m.get());
      }
    }
    DemoReport report = Demonstration.standard().run(sections);
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == OutputFormat.json ? report.toJson() : report.render());
    out.flush();
    return report.sections().stream().allMatch(s -> s.failure().isEmpty()) ? 0 : 3;
  }
}
