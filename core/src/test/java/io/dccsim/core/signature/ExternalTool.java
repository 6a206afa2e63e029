package io.dccsim.core.signature;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a command-line tool (xmlsec1, xmllint, openssl) for interoperability tests. When the tool is
 * missing the test is skipped with a clear message, unless {@code DCCSIM_REQUIRE_TOOLS=true}, in
 * which case it fails.
 */
public final class ExternalTool {
  private final String name;

  private ExternalTool(String name) {
    this.name = name;
  }

  /** The tool, or a skipped (or, when tools are required, failed) test. */
  public static ExternalTool require(String name) {
    if (!onPath(name)) {
      missing(name + " is not installed; install it to run this interoperability test");
    }
    return new ExternalTool(name);
  }

  /**
   * The tool ({@code name} on the PATH, or a path such as {@code /usr/bin/python3}), provided
   * {@code probe} run with it succeeds (e.g. {@code -c "import cryptography"}); else a skipped (or,
   * when tools are required, failed) test saying {@code lacking}.
   */
  public static ExternalTool require(String name, String lacking, String... probe)
      throws IOException, InterruptedException {
    ExternalTool tool = require(name);
    if (tool.run(Path.of("."), probe).exitCode() != 0) {
      missing(name + " " + lacking + "; install it to run this interoperability test");
    }
    return tool;
  }

  private static void missing(String message) {
    if ("true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_TOOLS"))) {
      fail(message + " (DCCSIM_REQUIRE_TOOLS=true)");
    }
    System.err.println("SKIPPED LOUDLY: " + message);
    Assumptions.abort(message);
  }

  private static boolean onPath(String name) {
    if (name.contains(File.separator)) {
      return Files.isExecutable(Path.of(name));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /** The outcome of one run: exit code and combined output. */
  public record Result(int exitCode, String output) {}

  /** Runs the tool with {@code args} in {@code dir}, waiting at most a minute. */
  public Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(name);
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(name + " did not finish within a minute");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
