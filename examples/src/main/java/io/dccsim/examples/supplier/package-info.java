/** Example: a supplier's SR 12.1 adapter that handles the MP106 Unknown WAN variant. */
package io.dccsim.examples.supplier;
