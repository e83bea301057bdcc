package io.geoscope.reload;

/**
 * Hears of every reload attempt, on the reloading thread, after the swap (or refusal). An
 * exception thrown here is caught and never undoes a reload. Must be thread-safe.
 */
@FunctionalInterface
public interface ReloadListener {
  /** Called once per reload attempt. */
  void onReload(ReloadEvent event);
}
