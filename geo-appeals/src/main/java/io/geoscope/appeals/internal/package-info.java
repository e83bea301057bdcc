/** The JDBC store, migrations and input checks behind {@link io.geoscope.appeals.AppealStore}. */
@NullMarked
package io.geoscope.appeals.internal;

import org.jspecify.annotations.NullMarked;
