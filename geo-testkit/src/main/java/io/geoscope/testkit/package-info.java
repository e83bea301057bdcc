/**
 * Property testing for Geoscope policies: seeded {@link io.geoscope.testkit.Arbitrary generators}
 * of jurisdictions, legal bases, rules, policies, participants and meetings with domain-aware
 * shrinking, and {@link io.geoscope.testkit.PolicyInvariants}, which checks a compliance
 * engineer's own policy against the invariants that make Geoscope safe (it can never widen).
 *
 * <p>Framework-neutral: nothing here depends on a test framework. Violations are reported as
 * {@link io.geoscope.testkit.InvariantViolation}, an {@link AssertionError}, which every framework
 * reports as a test failure. To drive the generators from QuickTheories, adapt a {@link
 * io.geoscope.testkit.Source} to its {@code RandomnessSource} (see the README).
 */
@NullMarked
package io.geoscope.testkit;

import org.jspecify.annotations.NullMarked;
