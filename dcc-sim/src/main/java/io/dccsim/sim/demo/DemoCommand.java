package io.dccsim.sim.demo;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    DemoReport report = Demonstration.standard().run();
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.render());
    out.flush();
    return report.sections().stream().allMatch(s -> s.failure().isEmpty()) ? 0 : 3;
  }
}
