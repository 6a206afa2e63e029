package io.dccsim.sim.cli;

import io.dccsim.sim.config.ConfigFile;
import io.dccsim.sim.config.SimulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dccsim serve}: starts the simulated DCC and runs until stopped (SIGTERM or Ctrl-C stops it
 * cleanly). Settings come from {@code --config} (YAML), then {@code DCCSIM_*} environment
 * variables, then these flags; later wins.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the simulated DCC (the default command).",
    modelTransformer = ServeCommand.SettingFlags.class)
public final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Option(names = "--config", description = "A YAML file of settings.")
  Path config;

  @Spec CommandSpec spec;

  /**
   * Adds one flag per setting, {@code --<key>}, described from {@link SimulatorConfig#KEYS}: the
   * flags cannot drift from the settings they set.
   */
  public static final class SettingFlags implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec command) {
      SimulatorConfig.KEYS.forEach(
          (key, info) ->
              command.addOption(
                  OptionSpec.builder("--" + key)
                      .paramLabel("<value>")
                      .type(String.class)
                      .description(
                          wrapped(
                              info[1] + (info[0].isEmpty() ? "" : " (default " + info[0] + ")"),
                              DESCRIPTION_WIDTH))
                      .build()));
      return command;
    }
  }

  /** Narrower than picocli's description column, so that it never has to break a line itself. */
  static final int DESCRIPTION_WIDTH = 48;

  /**
   * The text as lines of at most {@code width} characters, broken only at spaces: picocli would
   * otherwise break inside values such as {@code ./data} or {@code 127.0.0.1}. A word longer than
   * the width stands alone on its line.
   */
  static String[] wrapped(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines.toArray(String[]::new);
  }

  /** The settings the flags give (only those given). */
  Map<String, String> flags() {
    Map<String, String> f = new LinkedHashMap<>();
    if (spec == null) {
      return f; // run without a command line: no flags
    }
    for (String key : SimulatorConfig.KEYS.keySet()) {
      String value = spec.findOption("--" + key).getValue();
      if (value != null) {
        f.put(key, value);
      }
    }
    return f;
  }

  /** The messages of an exception and its causes, each once, with any URL password hidden. */
  static String reasons(Throwable e) {
    StringBuilder b = new StringBuilder();
    String last = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      if (last != null && last.contains(m)) {
        continue;
      }
      b.append(b.length() == 0 ? "" : ": ").append(m);
      last = m;
      if (t.getCause() == t) {
        break;
      }
    }
    return SimulatorConfig.redactUrl(b.toString());
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Which of the ports the settings ask for is taken, with its setting, found by trying each (the
   * simulator has let go of those it had bound); null when none is.
   */
  static String takenPort(SimulatorConfig settings) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("port", settings.port());
    ports.put("smki-port", settings.smkiPort());
    ports.put("control-port", settings.controlPort());
    for (Map.Entry<String, Integer> p : ports.entrySet()) {
      if (p.getValue() <= 0) {
        continue;
      }
      String host = p.getKey().equals("control-port") ? settings.controlHost() : settings.host();
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(host, p.getValue()));
      } catch (IOException inUse) {
        return "port "
            + p.getValue()
            + " on "
            + host
            + " is already in use (setting '"
            + p.getKey()
            + "': choose another with --"
            + p.getKey()
            + ", or 0 for any free port)";
      }
    }
    return null;
  }

  /** The layered configuration. */
  SimulatorConfig configuration(Map<String, String> environment) throws java.io.IOException {
    Map<String, String> file = config == null ? Map.of() : ConfigFile.read(config);
    return SimulatorConfig.from(file, SimulatorConfig.fromEnvironment(environment), flags());
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err =
        spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    SimulatorConfig settings;
    try {
      settings = configuration(System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("dccsim: " + e.getMessage());
      err.flush();
      return 2;
    }
    StandaloneSimulator running;
    try {
      running = StandaloneSimulator.start(settings);
    } catch (Exception e) {
      // The user gets the reasons; the stack trace goes to the log at DEBUG.
      LOG.debug("Start-up failed", e);
      String taken = isBindFailure(e) ? takenPort(settings) : null;
      err.println("dccsim: cannot start: " + (taken != null ? taken : reasons(e)));
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              running.close();
              System.out.println("dccsim: stopped");
              System.out.flush();
              stopped.countDown();
            },
            "dccsim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    running.describe(System.out);
    System.out.flush();
    stopped.await();
    return 0;
  }
}
