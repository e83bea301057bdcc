package io.geoscope.tokens;

/**
 * The user a Jitsi token is for, as {@code context.user} carries it.
 *
 * @param id the application's user id (not blank)
 * @param name the display name (not blank)
 * @param moderator whether Jitsi should make this user a moderator
 */
public record JitsiUser(String id, String name, boolean moderator) {
  /** Validates. */
  public JitsiUser {
    LiveKitTokens.requireText(id, "id");
    LiveKitTokens.requireText(name, "name");
  }
}
