package io.dccsim.sim.pipeline;

import org.w3c.dom.Element;

/** Writes the SR-specific element into a response's {@code ResponseMessage}. */
@FunctionalInterface
public interface ResponseBody {
  /** No SR-specific element. */
  ResponseBody NONE = message -> {};

  /** Appends the SR-specific element(s) to {@code responseMessage}. */
  void writeInto(Element responseMessage);
}
