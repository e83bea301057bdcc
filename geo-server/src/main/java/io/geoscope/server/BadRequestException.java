package io.geoscope.server;

/**
 * A decide request that cannot be answered: bad JSON, a missing or unknown field, a bad code or
 * address. The message names the field and never contains the address or any other value sent.
 */
public final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With the message to answer (400). */
  public BadRequestException(String message) {
    super(message, null, false, false);
  }
}
