package io.dccsim.sim.cli;

import io.dccsim.sim.charging.cli.InvoiceCommand;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.sim.demo.DemoCommand;
import io.dccsim.sim.demo.ReleaseCommand;
import io.dccsim.smki.cli.SmkiCommand;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dccsim} root command. With no subcommand it runs {@code serve}. Other parts of the
 * project add their subcommands to {@link #SUBCOMMANDS}, the one list of them.
 */
@Command(
    name = "dccsim",
    mixinStandardHelpOptions = true,
    version = "dccsim 0.1.0",
    description = "A simulator of the GB smart-metering DCC (SEC June 2021 release).")
public final class DccSimCommand implements Callable<Integer> {

  /** Every subcommand, in help order. Add a line here to register one. */
  public static final List<Supplier<Object>> SUBCOMMANDS =
      List.of(
          // built here so that its model transformer (one flag per setting) has run
          () -> new CommandLine(new ServeCommand()),
          DemoCommand::new,
          ReleaseCommand::new,
          InvoiceCommand::new,
          CatalogueCommand::new,
          // with its converters and its one-line answer to a failure
          () -> SmkiCommand.commandLine(Clock.systemUTC()));

  /** The command line, with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new DccSimCommand());
    for (Supplier<Object> sub : SUBCOMMANDS) {
      line.addSubcommand(sub.get());
    }
    // The root's handler is the one picocli uses for every subcommand.
    line.setExecutionExceptionHandler(
        (ex, failed, parsed) -> {
          LOG.debug("'{}' failed", failed.getCommandSpec().qualifiedName(), ex);
          failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
          failed.getErr().flush();
          return ex instanceof IllegalArgumentException ? 2 : 1;
        });
    return line;
  }

  /**
   * A failure and its causes on one line, each cause's first line once: what a user needs to act on
   * (a locked store, a missing file) without a stack trace.
   */
  static String oneLine(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      m = SimulatorConfig.redactUrl(m.lines().findFirst().orElse(m));
      String shown = m;
      if (parts.stream().noneMatch(p -> p.contains(shown))) {
        parts.add(shown);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(": ", parts);
  }

  private static final Logger LOG = LoggerFactory.getLogger(DccSimCommand.class);

  /**
   * The arguments as the command line should see them: when the first one is an option the root
   * command does not know (a setting's flag such as {@code --port}), they are the {@code serve}
   * command's, so {@code dccsim --port 8079} means {@code dccsim serve --port 8079}.
   */
  public static String[] withDefaultCommand(String[] args) {
    if (args.length == 0 || !args[0].startsWith("-") || ROOT_OPTIONS.contains(args[0])) {
      return args;
    }
    String[] routed = new String[args.length + 1];
    routed[0] = "serve";
    System.arraycopy(args, 0, routed, 1, args.length);
    return routed;
  }

  private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  @Override
  public Integer call() throws Exception {
    return new ServeCommand().call();
  }
}
