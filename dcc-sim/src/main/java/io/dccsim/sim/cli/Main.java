package io.dccsim.sim.cli;

/** The {@code dccsim} program's entry point. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code (the only exit in the project). */
  public static void main(String[] args) {
    int code = DccSimCommand.commandLine().execute(DccSimCommand.withDefaultCommand(args));
    System.exit(code);
  }
}
