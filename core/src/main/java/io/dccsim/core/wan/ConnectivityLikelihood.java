package io.dccsim.core.wan;

import java.util.Optional;

/** How likely a Communications Hub at the premises is to connect to the SM WAN. */
public enum ConnectivityLikelihood {
  /** {@code High}. */
  HIGH("High"),
  /** {@code Medium}. */
  MEDIUM("Medium"),
  /** {@code Low}. */
  LOW("Low");

  private final String xmlText;

  ConnectivityLikelihood(String xmlText) {
    this.xmlText = xmlText;
  }

  /** The text written in {@code ConnectivityLikelihood}, e.g. {@code Medium}. */
  public String xmlText() {
    return xmlText;
  }

  /** The likelihood whose XML text is exactly {@code text}. */
  public static Optional<ConnectivityLikelihood> fromXmlText(String text) {
    for (ConnectivityLikelihood c : values()) {
      if (c.xmlText.equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
