package io.dccsim.smki.cli;

import java.time.Clock;

/** Runs the {@code smki} command on its own: {@code java -cp ... io.dccsim.smki.cli.SmkiCli}. */
public final class SmkiCli {
  private SmkiCli() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    int code = SmkiCommand.commandLine(Clock.systemUTC()).execute(args);
    System.exit(code);
  }
}
