/**
 * The Geoscope domain: jurisdictions, legal bases, rules, policies and the decision engine.
 *
 * <p>Every type here is an immutable value or a thread-safe service; nothing in this package can
 * express an action on a meeting, a host as such, or an account. Effects only ever apply to the one
 * participant a decision is about.
 */
@NullMarked
package io.geoscope.core;

import org.jspecify.annotations.NullMarked;
