/**
 * Implementation of policy files: the positioned tree reader with its hostile-input limits, the
 * field-by-field binder and the writer. Not API: may change in any release.
 */
@NullMarked
package io.geoscope.policy.internal;

import org.jspecify.annotations.NullMarked;
