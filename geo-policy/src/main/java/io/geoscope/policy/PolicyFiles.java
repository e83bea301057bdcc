package io.geoscope.policy;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.geoscope.core.Policy;
import io.geoscope.policy.PolicyFileProblem.Code;
import io.geoscope.policy.PolicyFileProblem.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads, validates and writes policy files (YAML or JSON, same model): format {@code geoscope:
 * 2}, and {@code geoscope: 1} files that stay inside every authority's home.
 *
 * <pre>{@code
 * Policy policy = PolicyFiles.load(Path.of("policy.yaml")); // throws with every problem
 * DecisionEngine engine = DecisionEngine.builder(policy).build();
 * }</pre>
 *
 * <p>A file is accepted whole or rejected whole: a {@link PolicyFileException} lists every
 * problem found, each with its file, line and column, the rule or exemption id, the field and what
 * is wrong. Hostile input (YAML anchors, aliases and tags, documents over {@link #MAX_FILE_BYTES},
 * nesting deeper than 16, scalars over 8,192 characters) is refused with a {@link Code#SYNTAX}
 * problem before it can cost more than reading that much.
 *
 * <p>The policy's version, reported in every decision event, is the file's {@code version:}
 * label, or else {@code sha256:} and the first 12 hex digits of the SHA-256 of the file's content,
 * so two different files never share a default version.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyFiles {
  /** The largest policy file read, in bytes (1 MiB). */
  public static final int MAX_FILE_BYTES = TreeReader.MAX_DOCUMENT_CHARS;

  private PolicyFiles() {}

  /**
   * Loads and validates the policy in {@code file}; the format follows the extension
   * ({@code .yaml}, {@code .yml} or {@code .json}).
   *
   * @throws IOException if the file cannot be read
   * @throws PolicyFileException listing every problem, with positions, if there is any
   * @throws IllegalArgumentException if the extension names no format
   */
  public static Policy load(Path file) throws IOException, PolicyFileException {
    requireNonNull(file, "file");
    String name = file.toString();
    PolicyFormat format = PolicyFormat.ofFileName(name);
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw syntax(name, "the file is " + size + " bytes; the limit is " + MAX_FILE_BYTES);
    }
    byte[] bytes;
    // Read at most one byte past the cap: a file can grow after size(), and devices and pipes
    // report no size at all.
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw syntax(name, "the file is over the limit of " + MAX_FILE_BYTES + " bytes");
    }
    String content;
    try {
      content =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw syntax(name, "the file is not UTF-8 text");
    }
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    return parse(content, name, format);
  }

  /**
   * Validates the policy in {@code content}.
   *
   * @param fileName the name used in problem locations
   * @throws PolicyFileException listing every problem, with positions, if there is any
   */
  public static Policy parse(String content, String fileName, PolicyFormat format)
      throws PolicyFileException {
    requireNonNull(content, "content");
    requireNonNull(fileName, "fileName");
    requireNonNull(format, "format");
    List<PolicyFileProblem> problems = new ArrayList<>();
    Node root = TreeReader.read(content, fileName, format, problems);
    return PolicyBinder.bind(root, fileName, defaultVersion(content), problems);
  }

  /**
   * The policy as a {@code geoscope: 2} document that {@link #parse} reads back to an equal policy. Lists
   * are sorted and every field but an always-true {@code when} is written.
   */
  public static String write(Policy policy, PolicyFormat format) {
    requireNonNull(policy, "policy");
    requireNonNull(format, "format");
    return PolicyWriter.write(policy, format);
  }

  private static String defaultVersion(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static PolicyFileException syntax(String file, String message) {
    return new PolicyFileException(
        List.of(PolicyFileProblem.of(new Location(file, 1, 1), Code.SYNTAX, "policy", "", message)));
  }
}
