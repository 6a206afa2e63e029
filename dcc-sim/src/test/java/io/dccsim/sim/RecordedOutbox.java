package io.dccsim.sim;

import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.delivery.Outbox;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An outbox for tests: it keeps what the simulator sends, in order, as a list the test reads and
 * clears; a message's sequence number is its position from 1.
 */
final class RecordedOutbox extends CopyOnWriteArrayList<OutboundMessage> implements Outbox {
  private static final long serialVersionUID = 1L;

  @Override
  public long enqueue(OutboundMessage message) {
    add(message);
    return size();
  }
}
