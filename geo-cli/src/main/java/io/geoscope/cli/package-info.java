/**
 * The {@code geoscope} command line: {@code demo}, {@code resolve}, {@code decide}, {@code
 * validate}, {@code report} and {@code diff}. Entry point {@link io.geoscope.cli.Geoscope}.
 *
 * <p>Exit codes: 0 success, 1 a finding (a bad input line, an invalid policy, a non-empty diff with
 * {@code --fail-on-change}), 2 bad usage or an unreadable input.
 */
@NullMarked
package io.geoscope.cli;

import org.jspecify.annotations.NullMarked;
