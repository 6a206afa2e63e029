/**
 * SM WAN coverage for SR 12.1 Request WAN Matrix: the question ({@link
 * io.dccsim.sim.coverage.CoverageQuestion}), the answer ({@link
 * io.dccsim.sim.coverage.CoverageAnswer}), the models that give it ({@link
 * io.dccsim.sim.coverage.SyntheticCoverage}, {@link io.dccsim.sim.coverage.CoverageTable}) and the
 * baseline rules for reporting it ({@link io.dccsim.sim.coverage.CoverageReporting}: MP146, MP106).
 */
package io.dccsim.sim.coverage;
