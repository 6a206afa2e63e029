package io.dccsim.sim.junit;

import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.scenario.Scenarios;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an in-process simulated DCC on a free loopback port, and
 * injects a {@link DccSimulatorHandle} into test and lifecycle methods that declare one.
 *
 * <pre>{@code
 * @DccSimulatorTest(startAt = "2021-06-24T09:00:00Z")
 * class WanMatrixTest {
 *   @Test
 *   void asksForCoverage(DccSimulatorHandle dcc) { ... }
 * }
 * }</pre>
 *
 * @see DccSimulatorExtension for the programmatic form
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DccSimulatorExtension.class)
public @interface DccSimulatorTest {
  /** One simulator for the whole run (shared by classes with equal options), or one per class. */
  boolean shared() default true;

  /** Reset journal, scenarios, coverage overlay, clock and baseline before each test. */
  boolean resetBetweenTests() default true;

  /** How many exchanges the journal retains. */
  int journalCapacity() default RequestJournal.DEFAULT_CAPACITY;

  /** Where the simulated clock starts (ISO-8601 instant); blank for the simulator's default. */
  String startAt() default "";

  /** Simulated seconds per real second: 0 frozen (the default), 1 real time. */
  double clockRate() default 0.0;

  /** {@code by-date}, {@code JUNE_2021} or {@code PRE_JUNE_2021}. */
  String baseline() default "by-date";

  /** The seed of random delays. */
  long seed() default Scenarios.DEFAULT_SEED;

  /** Also start the control API on its own loopback port. */
  boolean controlApi() default false;
}
