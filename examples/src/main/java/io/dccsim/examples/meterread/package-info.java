/**
 * Example: a supplier adapter that reads a meter end to end (SR 4.1.1 sent via the WAN, the I99
 * acknowledgement, the device's signed response delivered later), finds the meter's Key Agreement
 * certificate in the SMKI repository, checks the GBCS MAC and decrypts the registers.
 */
package io.dccsim.examples.meterread;
