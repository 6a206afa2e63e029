package io.dccsim.smki.cli;

import java.time.Clock;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smki}: the test SMKI from the command line. Create a PKI, issue Organisation and Device
 * Certificates (one, or in bulk into a repository), import certificates you already hold, revoke,
 * publish the CRL and ARL, search, and show a certificate's profile.
 *
 * <p>Register it as a subcommand of another launcher with {@link #commandLine(Clock)}, or run it
 * alone with {@link SmkiCli}.
 */
@Command(
    name = "smki",
    mixinStandardHelpOptions = true,
    description = "The dccsim test SMKI: PKI, certificates, repository, revocation.",
    subcommands = {
      InitCommand.class,
      IssueOrganisationCommand.class,
      IssueDeviceCommand.class,
      BulkDevicesCommand.class,
      ImportCommand.class,
      RevokeCommand.class,
      RevocationListsCommand.class,
      ExtractsCommand.class,
      SearchCommand.class,
      ShowCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SmkiCommand implements Runnable {
  private final Clock clock;

  @Spec CommandSpec spec;

  /** The command reading the system clock. */
  public SmkiCommand() {
    this(Clock.systemUTC());
  }

  /** The command issuing and revoking by this clock. */
  public SmkiCommand(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The clock certificates are issued by. */
  Clock clock() {
    return clock;
  }

  /**
   * A ready command line: argument converters registered, a user's mistake answered with a short
   * message and usage help (exit code 2), a failure with a one-line message (exit code 1).
   */
  public static CommandLine commandLine(Clock clock) {
    CommandLine cl = new CommandLine(new SmkiCommand(clock));
    ArgumentTypes.register(cl);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("smki: " + message(ex));
          return ex instanceof IllegalArgumentException ? 2 : 1;
        });
    return cl;
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
