package io.geoscope.cli;

import io.geoscope.core.Feature;
import io.geoscope.core.Meeting;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The meeting a roster is decided for: tags, features in use and the instant. */
final class MeetingOptions {

  @Option(names = "--tags", split = ",", paramLabel = "TAG",
      description = "The meeting's tags, comma-separated, e.g. june-fourth.")
  List<String> tags = List.of();

  @Option(names = "--features", split = ",", paramLabel = "FEATURE",
      converter = FeatureConverter.class,
      description = "Features in use, comma-separated: recording, cloud-recording, local-recording,"
          + " chat, file-transfer, screen-share, dial-out, transcription, live-streaming, video.")
  List<Feature> features = List.of();

  @Option(names = "--at", paramLabel = "INSTANT", converter = Inputs.InstantConverter.class,
      description = "When to decide, e.g. 2026-06-04T12:00:00Z (default: now).")
  @Nullable Instant at;

  Meeting meeting() {
    Set<Feature> f = features.isEmpty() ? Set.of() : EnumSet.copyOf(features);
    return new Meeting(new LinkedHashSet<>(tags), f);
  }

  Instant instant() {
    Instant i = at;
    return i == null ? Instant.now() : i;
  }

  /** Reads a feature code such as {@code recording}. */
  static final class FeatureConverter implements CommandLine.ITypeConverter<Feature> {
    @Override
    public Feature convert(String value) {
      try {
        return Feature.fromCode(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
