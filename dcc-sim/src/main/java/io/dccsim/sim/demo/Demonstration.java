package io.dccsim.sim.demo;

import io.dccsim.core.release.Modification;
import io.dccsim.core.release.SecRelease;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The before/after demonstration of the June 2021 release: one section per modification, each
 * computed by running the part of the simulator the modification changed. A modification with no
 * demonstration, or whose demonstration fails, gets a section saying so rather than canned values.
 */
public final class Demonstration {

  private final SecRelease release;
  private final Map<Modification, ModificationDemo> demos = new EnumMap<>(Modification.class);

  /** A demonstration of {@code release} made of {@code demos}. */
  public Demonstration(SecRelease release, List<ModificationDemo> demos) {
    this.release = release;
    for (ModificationDemo d : demos) {
      this.demos.put(d.modification(), d);
    }
  }

  /** The standard demonstration: every modification this build can demonstrate. */
  public static Demonstration standard() {
    ChargesDemonstration charges = new ChargesDemonstration();
    return new Demonstration(
        SecRelease.JUNE_2021,
        List.of(
            demo(Modification.MP144, charges::mp144),
            demo(Modification.MP147, () -> ExtractDemonstration.standard().section()),
            demo(Modification.MP153, charges::mp153)));
  }

  /** A demonstration of one modification from a function computing its section. */
  public static ModificationDemo demo(Modification modification, SectionRun run) {
    return new ModificationDemo() {
      @Override
      public Modification modification() {
        return modification;
      }

      @Override
      public DemoSection run() throws Exception {
        return run.run();
      }
    };
  }

  /** Computes a section. */
  @FunctionalInterface
  public interface SectionRun {
    /** Computes the section. */
    DemoSection run() throws Exception;
  }

  /** Runs every section, in the release's order. */
  public DemoReport run() {
    List<DemoSection> sections = new ArrayList<>();
    for (Modification m : release.modifications()) {
      ModificationDemo demo = demos.get(m);
      if (demo == null) {
        sections.add(DemoSection.failed(m, "this build has no demonstration of " + m.id()));
        continue;
      }
      try {
        sections.add(demo.run());
      } catch (Exception e) {
        sections.add(
            DemoSection.failed(
                m,
                "the simulator could not be run: "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()));
      }
    }
    return new DemoReport(release, sections);
  }
}
