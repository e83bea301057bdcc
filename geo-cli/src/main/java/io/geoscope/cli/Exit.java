package io.geoscope.cli;

/**
 * Ends a command with an exit code and a message for standard error. Never carries an IP address.
 */
final class Exit extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;

  Exit(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  int code() {
    return code;
  }
}
