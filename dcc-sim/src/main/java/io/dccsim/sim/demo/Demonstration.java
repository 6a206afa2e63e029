package io.dccsim.sim.demo;

import io.dccsim.core.release.Modification;
import io.dccsim.core.release.SecRelease;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
    // One simulator run serves both SR 12.1 sections; it starts only if one of them is asked for.
    Once<WanMatrixDemonstration> wan = new Once<>(WanMatrixDemonstration::run);
    return new Demonstration(
        SecRelease.JUNE_2021,
        List.of(
            demo(Modification.MP106, () -> wan.get().mp106()),
            demo(Modification.MP144, charges::mp144),
            demo(Modification.MP146, () -> wan.get().mp146()),
            demo(Modification.MP147, () -> ExtractDemonstration.standard().section()),
            demo(Modification.MP153, charges::mp153)));
  }

  /** A value computed on first use, then kept (failures are not kept). */
  private static final class Once<T> {
    private final Supplier<T> source;
    private T value;

    Once(Supplier<T> source) {
      this.source = source;
    }

    synchronized T get() {
      if (value == null) {
        value = source.get();
      }
      return value;
    }
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
    return run(EnumSet.allOf(Modification.class));
  }

  /** Runs the sections of {@code only}, in the release's order. */
  public DemoReport run(Set<Modification> only) {
    List<DemoSection> sections = new ArrayList<>();
    for (Modification m : release.modifications()) {
      if (!only.contains(m)) {
        continue;
      }
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
