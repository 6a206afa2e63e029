package io.dccsim.sim.demo;

import io.dccsim.core.release.SecRelease;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dccsim release}: prints the June 2021 SEC release from the release model. */
@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the June 2021 SEC release: its modifications, the parties and SEC documents each",
      "affects, the implementation timeline and go-live."
    })
public final class ReleaseCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(ReleasePrintout.print(SecRelease.JUNE_2021));
    out.flush();
    return 0;
  }
}
