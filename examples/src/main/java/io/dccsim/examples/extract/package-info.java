/** Example: a supplier keeping a local copy of the SMKI repository from full and delta extracts. */
package io.dccsim.examples.extract;
