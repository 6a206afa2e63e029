/** JMH benchmarks of the GBCS the simulated devices build. */
package io.dccsim.benchmarks.gbcs;
