package io.dccsim.sim.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ControlTokenFileTest {
  @TempDir Path dir;

  @Test
  void generatesOwnerOnlyOnceThenReadsTheSameTokenAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("nested").resolve("control-token");
    BearerToken first = ControlTokenFile.loadOrCreate(file);
    assertThat(Files.readString(file).strip()).isEqualTo(first.value());
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    assumeThat(view).as("a POSIX file system").isNotNull();
    assertThat(PosixFilePermissions.toString(view.readAttributes().permissions()))
        .isEqualTo("rw-------");

    BearerToken again = ControlTokenFile.loadOrCreate(file);
    assertThat(again.value()).isEqualTo(first.value());
    assertThat(again.accepts(first.authorizationHeader())).isTrue();
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aTokenWrittenByTheOperatorIsUsedAndAFileOpenToOthersIsUsedWithAWarningNamingOnlyThePath()
      throws Exception {
    Path file = dir.resolve("token");
    String own = "my-own-token-for-the-ci-0001";
    Files.writeString(file, "  " + own + "\n\n");
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    assumeThat(view).as("a POSIX file system").isNotNull();
    view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(ControlTokenFile.class);
    logger.addAppender(logs);
    logs.start();
    try {
      assertThat(ControlTokenFile.loadOrCreate(file).value()).isEqualTo(own);
    } finally {
      logger.detachAppender(logs);
    }
    assertThat(logs.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage()).contains(file.toAbsolutePath().toString());
            });
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(own));
  }

  @Test
  void aFileWithoutAValidTokenIsRefusedWithoutRepeatingIt() throws Exception {
    Path file = dir.resolve("token");
    for (String bad : new String[] {"", "too-short", "has a space in the middle ok"}) {
      Files.writeString(file, bad);
      assertThatThrownBy(() -> ControlTokenFile.loadOrCreate(file))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(file.toAbsolutePath().toString())
          .satisfies(e -> assertThat(bad.isEmpty() || !e.getMessage().contains(bad)).isTrue());
    }
    Files.write(file, new byte[10_000]);
    assertThatThrownBy(() -> ControlTokenFile.loadOrCreate(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }
}
