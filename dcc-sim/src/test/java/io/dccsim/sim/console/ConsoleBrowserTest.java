package io.dccsim.sim.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.dccsim.sim.cli.StandaloneSimulator;
import io.dccsim.sim.config.SimulatorConfig;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser: starts the standalone simulator in this JVM (every port free,
 * the clock on the eve of go-live), then runs {@code console-tests/console.test.mjs} with Node,
 * which drives Chromium headless through {@code playwright-core}: log in, a request sent with curl
 * appearing live, the failure reason of a tampered request, a Service Request sent from the form,
 * MP106 across go-live, an extract downloaded, accessibility and security checks. Screenshots of
 * every page go to {@code target/console}.
 *
 * <p>Without {@code node}, Chromium or {@code console-tests/node_modules/playwright-core} the test
 * is skipped with a loud message; with {@code DCCSIM_REQUIRE_BROWSER=true} (as CI sets it) it fails
 * instead.
 */
class ConsoleBrowserTest {
  private static final Path SCRIPTS = Path.of("..", "console-tests").toAbsolutePath().normalize();
  private static final Path ARTEFACTS = Path.of("target", "console").toAbsolutePath();

  @TempDir Path data;

  @Test
  void theConsoleWorksInChromium() throws Exception {
    String node = onPath("node").orElseGet(() -> missing("'node' is not on the PATH"));
    String chromium =
        Optional.ofNullable(System.getenv("DCCSIM_CHROMIUM"))
            .or(() -> Optional.of("/usr/bin/chromium").filter(p -> Files.isExecutable(Path.of(p))))
            .or(() -> onPath("chromium"))
            .orElseGet(() -> missing("Chromium is not installed (/usr/bin/chromium)"));
    if (!Files.isRegularFile(SCRIPTS.resolve("node_modules/playwright-core/package.json"))) {
      missing("playwright-core is not installed: run 'npm ci' in " + SCRIPTS);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("port", "0");
    settings.put("smki-port", "0");
    settings.put("control-port", "0");
    settings.put("data-dir", data.toString());
    settings.put("clock-start", "2021-06-23T12:00:00Z");
    try (StandaloneSimulator s =
        StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), settings))) {
      Files.createDirectories(ARTEFACTS);
      String control = s.control().orElseThrow().baseUri().resolve("/").toString();
      ProcessBuilder pb =
          new ProcessBuilder(node, SCRIPTS.resolve("console.test.mjs").toString())
              .directory(SCRIPTS.toFile())
              .redirectErrorStream(true);
      Path log = ARTEFACTS.resolve("console-tests.log");
      pb.redirectOutput(log.toFile());
      pb.environment().put("CONSOLE_URL", control.replaceAll("/$", ""));
      // The token file where the settings above put it: pki-dir (data-dir/pki)/control-token.
      pb.environment().put("CONSOLE_TOKEN", data.resolve("pki/control-token").toString());
      pb.environment().put("DUIS_URL", s.simulator().baseUrl());
      pb.environment().put("CHROMIUM", chromium);
      pb.environment().put("ARTEFACTS", ARTEFACTS.toString());
      Process p = pb.start();
      boolean done = p.waitFor(6, TimeUnit.MINUTES);
      if (!done) {
        p.destroyForcibly();
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      System.out.println(out);
      assertThat(done).as("the browser tests finished within 6 minutes").isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).doesNotContain("not ok").contains("browser checks passed");
      List<String> pages = new ArrayList<>();
      for (String page :
          List.of(
              "login",
              "overview",
              "journal",
              "send",
              "mp106",
              "devices",
              "smki",
              "charges",
              "metrics")) {
        if (!Files.isRegularFile(ARTEFACTS.resolve("console-" + page + ".png"))) {
          pages.add(page);
        }
      }
      assertThat(pages).as("pages without a screenshot in " + ARTEFACTS).isEmpty();
    }
  }

  private static Optional<String> onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, command);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }

  /** A loud skip, or a failure when the browser tests are required. */
  private static <T> T missing(String what) {
    if ("true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_BROWSER"))) {
      fail(what + ", and DCCSIM_REQUIRE_BROWSER=true requires the browser tests");
    }
    String message =
        "SKIPPED LOUDLY: the console's browser tests did not run: "
            + what
            + " (install chromium and node, then 'npm ci' in console-tests; see docs/console.md)";
    System.err.println("*".repeat(100));
    System.err.println(message);
    System.err.println("*".repeat(100));
    Assumptions.abort(message);
    return null;
  }
}
