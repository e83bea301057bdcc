package io.geoscope.geoip;

import io.geoscope.core.Anonymizer;
import io.geoscope.core.Evidence;
import io.geoscope.geoip.DatabaseException;
import io.geoscope.geoip.DatabaseException.Reason;
import io.geoscope.geoip.DatabaseLimits;
import io.geoscope.geoip.Schema;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a database file into memory and compiles it, refusing files that are unreadable, corrupt,
 * of the wrong kind, or whose build epoch is implausible or older than the one in service.
 *
 * <p>The file is read whole before anything is parsed, so a file overwritten or truncated in place
 * later cannot affect a compiled table. Thread-safe (stateless).
 */
final class Loader {

  private static final Duration FUTURE_TOLERANCE = Duration.ofDays(366);

  private Loader() {}

  /**
   * A compiled location database, its evidence by id, and each id's place detail (postal code,
   * location and accuracy radius; ids are distinct (evidence, place) pairs, see {@link
   * PlaceRecords}).
   */
  public record Location(
      CompiledDatabase db, Evidence[] evidence, String producer, PlaceTable places) {}

  /** A compiled anonymizer database and its flag descriptions by id. */
  public record Anonymizers(
      CompiledDatabase db, String[] details, List<Set<Anonymizer>> kinds, String producer) {}

  /**
   * Loads a location database.
   *
   * @param inService build epoch of the database being replaced, or {@code null}
   * @param force accept an older or future-dated build
   */
  public static Location location(
      Path path,
      Schema schema,
      Clock clock,
      DatabaseLimits limits,
      @Nullable Instant inService,
      boolean force)
      throws DatabaseException {
    String name = fileName(path);
    byte[] bytes = read(path, name, limits);
    LocationRecords mapper = new LocationRecords(schema);
    PlaceRecords places = new PlaceRecords(mapper);
    CompiledDatabase db =
        CompiledDatabase.compile(
            bytes,
            name,
            limits,
            (type, epoch) -> {
              checkEpoch(name, epoch, clock, inService, force);
              if (type.contains("Anonymous") || type.contains("Proxy")) {
                throw new DatabaseException(
                    Reason.WRONG_SCHEMA,
                    name,
                    "database_type " + type + " holds no locations",
                    null);
              }
            },
            places);
    if (mapper.recordsWithCountryField() == 0) {
      throw new DatabaseException(
          Reason.WRONG_SCHEMA,
          name,
          "no record has a "
              + (schema == Schema.FLAT_COUNTRY_CODE ? "country_code" : "country")
              + " (database_type "
              + db.databaseType()
              + ")",
          null);
    }
    String producer = producer(db);
    Evidence[] evidence = places.evidence(mapper.evidence(producer));
    return new Location(db, evidence, producer, places.places(evidence));
  }

  /** Loads an Anonymous-IP or Anonymous Plus database; see {@link #location}. */
  public static Anonymizers anonymizers(
      Path path,
      Clock clock,
      DatabaseLimits limits,
      @Nullable Instant inService,
      boolean force)
      throws DatabaseException {
    String name = fileName(path);
    byte[] bytes = read(path, name, limits);
    AnonymizerRecords mapper = new AnonymizerRecords();
    CompiledDatabase db =
        CompiledDatabase.compile(
            bytes,
            name,
            limits,
            (type, epoch) -> checkEpoch(name, epoch, clock, inService, force), mapper);
    if (mapper.recordsWithFlags() == 0) {
      throw new DatabaseException(
          Reason.WRONG_SCHEMA,
          name,
          "no record has anonymizer flags (database_type " + db.databaseType() + ")",
          null);
    }
    return new Anonymizers(db, mapper.details(), mapper.kinds(), producer(db));
  }

  /** E.g. {@code "GeoIP2-City build 2026-06-01T00:00:00Z"}; the epoch was checked already. */
  private static String producer(CompiledDatabase db) {
    return db.databaseType() + " build " + built(db);
  }

  private static void checkEpoch(
      String name, BigInteger epoch, Clock clock, @Nullable Instant inService, boolean force)
      throws DatabaseException {
    if (epoch.signum() < 0
        || epoch.bitLength() > 63
        || epoch.longValue() > Instant.MAX.getEpochSecond()) {
      throw new DatabaseException(
          Reason.IMPLAUSIBLE_BUILD_EPOCH, name, "build_epoch " + epoch + " is not a date", null);
    }
    Instant built = Instant.ofEpochSecond(epoch.longValue());
    if (force) {
      return;
    }
    if (built.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
      throw new DatabaseException(
          Reason.IMPLAUSIBLE_BUILD_EPOCH,
          name,
          "build_epoch " + built + " is more than a year in the future",
          null);
    }
    if (inService != null && built.isBefore(inService)) {
      throw new DatabaseException(
          Reason.OLDER_THAN_IN_SERVICE,
          name,
          "build " + built + " is older than the build in service (" + inService + ")",
          null);
    }
  }

  /**
   * At the swap of a reload: refuses {@code built} if it is older than {@code inService}, unless
   * forced (another reload may have swapped in a newer build while this one compiled).
   *
   * @throws DatabaseException OLDER_THAN_IN_SERVICE
   */
  public static void requireNotOlder(Path path, Instant built, Instant inService, boolean force)
      throws DatabaseException {
    if (!force && built.isBefore(inService)) {
      throw new DatabaseException(
          Reason.OLDER_THAN_IN_SERVICE,
          fileName(path),
          "build " + built + " is older than the build in service (" + inService + ")",
          null);
    }
  }

  /** The build epoch of a compiled database as an instant (always representable once loaded). */
  public static Instant built(CompiledDatabase db) {
    return Instant.ofEpochSecond(db.buildEpoch().longValue());
  }

  private static String fileName(Path path) {
    Path f = path.getFileName();
    return f == null ? path.toString() : f.toString();
  }

  private static byte[] read(Path path, String name, DatabaseLimits limits)
      throws DatabaseException {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new DatabaseException(
          Reason.UNREADABLE, name, "cannot read: " + e.getClass().getSimpleName(), e);
    }
    if (size > limits.maxFileBytes()) {
      throw new DatabaseException(
          Reason.RESOURCE_LIMIT,
          name,
          "limit maxFileBytes=" + limits.maxFileBytes() + " exceeded: file has " + size + " bytes",
          null);
    }
    // Refuse up front what this heap cannot hold with its tables, rather than meet an
    // OutOfMemoryError half-way (which could also starve the threads serving lookups).
    long heap = Runtime.getRuntime().maxMemory();
    if (size > heap / 2) {
      throw new DatabaseException(
          Reason.RESOURCE_LIMIT,
          name,
          "file of " + size + " bytes exceeds half the maximum heap (" + heap + " bytes)",
          null);
    }
    try {
      byte[] bytes = Files.readAllBytes(path);
      if (bytes.length > limits.maxFileBytes()) {
        throw new DatabaseException(
            Reason.RESOURCE_LIMIT,
            name,
            "limit maxFileBytes=" + limits.maxFileBytes() + " exceeded: the file grew while read",
            null);
      }
      return bytes;
    } catch (IOException e) {
      throw new DatabaseException(
          Reason.UNREADABLE, name, "cannot read: " + e.getClass().getSimpleName(), e);
    }
  }
}
