/**
 * Policy files for compliance engineers: {@link io.geoscope.policy.PolicyFiles} loads, validates
 * and writes the version-1 YAML and JSON format; {@link io.geoscope.policy.PolicyReport} shows
 * what a policy can do and where; {@link io.geoscope.policy.PolicyDiff} shows what a change
 * between two policies would make a reviewer sign off.
 */
@NullMarked
package io.geoscope.policy;

import org.jspecify.annotations.NullMarked;
