package io.geoscope.appeals;

import org.jspecify.annotations.Nullable;

/**
 * Why an appeal operation did not happen. When one is thrown, nothing was written. Messages never
 * contain an account's location evidence, an IP address or a phone number.
 */
public abstract class AppealException extends Exception {
  private static final long serialVersionUID = 1L;

  AppealException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
