package io.geoscope.tokens;

import static java.util.Objects.requireNonNull;

import io.geoscope.core.Feature;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a token minter answers for one participant: a signed token, or a refusal with the reason
 * to show. Instances are immutable and thread-safe.
 */
public sealed interface JoinToken permits JoinToken.Issued, JoinToken.Refused {

  /** Whether a token was issued. */
  boolean issued();

  /**
   * A signed join token.
   *
   * @param jwt the compact JWT to hand to the client
   * @param unenforced the disabled features this kind of token cannot express; the application
   *     must enforce them elsewhere (for example chat in Jitsi, which {@code mod_geoscope} enforces
   *     in Prosody)
   */
  record Issued(String jwt, Set<Feature> unenforced) implements JoinToken {
    /** Validates and copies. */
    public Issued {
      requireNonNull(jwt, "jwt");
      unenforced =
          unenforced.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(unenforced));
    }

    @Override
    public boolean issued() {
      return true;
    }
  }

  /**
   * No token: the decision denies the join.
   *
   * @param reasonKey the decision's reason key, for a message bundle
   * @param reason the user-facing reason text
   */
  record Refused(String reasonKey, String reason) implements JoinToken {
    /** Validates. */
    public Refused {
      requireNonNull(reasonKey, "reasonKey");
      requireNonNull(reason, "reason");
    }

    @Override
    public boolean issued() {
      return false;
    }
  }
}
