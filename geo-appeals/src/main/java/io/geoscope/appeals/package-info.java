/**
 * Appeals against a wrong location: a person placed in a restricted jurisdiction by mistake files
 * an {@link io.geoscope.appeals.Appeal}, a reviewer approves or denies it, and an approval grants
 * the account a {@link io.geoscope.appeals.VerifiedLocation} that {@link
 * io.geoscope.appeals.VerifiedLocations} serves on the join path. Every change is an append-only
 * {@link io.geoscope.appeals.AuditRecord}. The front door is {@link
 * io.geoscope.appeals.AppealStore#open(String)}.
 */
@NullMarked
package io.geoscope.appeals;

import org.jspecify.annotations.NullMarked;
