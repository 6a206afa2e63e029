/** Implementation details of the JUnit 5 extension; not for users. */
package io.dccsim.sim.junit.internal;
