package io.dccsim.smki.pki;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs an independent command-line tool. When the tool is missing the test is skipped with a loud
 * message, unless {@code DCCSIM_REQUIRE_TOOLS=true}, in which case it fails.
 */
record ExternalTool(String name) {

  /** The tool, or a skipped (or, when tools are required, failed) test. */
  static ExternalTool require(String name) {
    if (!available(name)) {
      String message =
          "SKIPPED LOUDLY: '" + name + "' is not installed; install it to run this check";
      if ("true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_TOOLS"))) {
        fail(name + " is required (DCCSIM_REQUIRE_TOOLS=true) but not installed");
      }
      System.err.println(message);
      Assumptions.abort(message);
    }
    return new ExternalTool(name);
  }

  private static boolean available(String name) {
    try {
      Process p = new ProcessBuilder(name, "version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The outcome of one run: exit code and the combined output. */
  record Result(int exitCode, String output) {}

  /** Runs the tool with these arguments in this directory. */
  Result run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(name);
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(name + " did not finish: " + command);
    }
    return new Result(p.exitValue(), out);
  }
}
