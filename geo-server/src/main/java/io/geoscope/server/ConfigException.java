package io.geoscope.server;

/** A server configuration that cannot be used; the message names the key and what was wrong. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With the message naming the key. */
  public ConfigException(String message) {
    super(message);
  }
}
