/**
 * Implementation of the resolver: the search-tree walker, the compiled range tables and the mapping
 * of database records to evidence. Not part of the API; may change without notice.
 */
@NullMarked
package io.geoscope.geoip.internal;

import org.jspecify.annotations.NullMarked;
