package io.geoscope.core;

/** A meeting feature that a rule may disable for one participant. */
public enum Feature {
  /** Any recording. */
  RECORDING("recording"),
  /** Recording to the provider's cloud. */
  CLOUD_RECORDING("cloud-recording"),
  /** Recording on the participant's own device. */
  LOCAL_RECORDING("local-recording"),
  /** In-meeting chat. */
  CHAT("chat"),
  /** Sending and receiving files. */
  FILE_TRANSFER("file-transfer"),
  /** Sharing a screen. */
  SCREEN_SHARE("screen-share"),
  /** Calling out to a telephone number. */
  DIAL_OUT("dial-out"),
  /** Automatic transcription. */
  TRANSCRIPTION("transcription"),
  /** Streaming the meeting to an outside service. */
  LIVE_STREAMING("live-streaming"),
  /** Sending video. */
  VIDEO("video");

  private final String code;

  Feature(String code) {
    this.code = code;
  }

  /** The stable, lower-case, hyphenated name used in policy files. */
  public String code() {
    return code;
  }

  /**
   * Returns the feature with the given {@link #code()}.
   *
   * @throws IllegalArgumentException if no feature has that code
   */
  public static Feature fromCode(String code) {
    for (Feature f : values()) {
      if (f.code.equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown feature '" + code + "'");
  }
}
