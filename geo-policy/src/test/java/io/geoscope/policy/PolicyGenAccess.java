package io.geoscope.policy;

import io.geoscope.core.Evidence;
import io.geoscope.core.Meeting;
import io.geoscope.core.Policy;
import org.quicktheories.core.Gen;

/** Opens {@link PolicyGen} to tests in other packages. */
public final class PolicyGenAccess {
  private PolicyGenAccess() {}

  /** See {@link PolicyGen#policies()}. */
  public static Gen<Policy> policies() {
    return PolicyGen.policies();
  }

  /** See {@link PolicyGen#evidence()}. */
  public static Gen<Evidence> evidence() {
    return PolicyGen.evidence();
  }

  /** See {@link PolicyGen#meetings()}. */
  public static Gen<Meeting> meetings() {
    return PolicyGen.meetings();
  }
}
