package io.dccsim.sim.cli;

import io.dccsim.sim.charging.cli.InvoiceCommand;
import io.dccsim.sim.demo.DemoCommand;
import io.dccsim.sim.demo.ReleaseCommand;
import io.dccsim.smki.cli.SmkiCommand;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
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
          SmkiCommand::new);

  /** The command line, with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine line = new CommandLine(new DccSimCommand());
    for (Supplier<Object> sub : SUBCOMMANDS) {
      line.addSubcommand(sub.get());
    }
    return line;
  }

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
