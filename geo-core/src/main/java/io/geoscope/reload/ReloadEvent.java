package io.geoscope.reload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One reload attempt: accepted (the new source is in service) or refused (the old one stays).
 *
 * @param at when the attempt finished, by the reloader's clock
 * @param source the file reloaded
 * @param accepted whether the new content went into service
 * @param detail what is now in service (accepted), or why it was refused; never an address
 */
public record ReloadEvent(Instant at, Path source, boolean accepted, String detail) {
  /** Checks for nulls. */
  public ReloadEvent {
    requireNonNull(at, "at");
    requireNonNull(source, "source");
    requireNonNull(detail, "detail");
  }
}
