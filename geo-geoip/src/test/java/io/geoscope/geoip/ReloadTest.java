package io.geoscope.geoip;

import static org.assertj.core.api.Assertions.assertThat;

import io.geoscope.core.Jurisdiction;
import io.geoscope.geoip.writer.MmdbWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload under load, with good, corrupt and in-place-overwritten files. */
class ReloadTest {

  private static final Instant BUILT = Instant.parse("2026-06-01T00:00:00Z");
  private static final String[] ADDRESSES = {"81.2.69.1", "8.8.8.8", "2a00::1", "5.5.5.5"};

  @TempDir Path dir;

  private static MmdbWriter a() {
    return MmdbWriter.ipv6("Test-A")
        .buildEpoch(BUILT)
        .insert("81.2.69.0/24", MmdbWriter.geoip2City("GB", "ENG"))
        .insert("8.8.8.0/24", MmdbWriter.geoip2Country("US"))
        .insert("2a00::/16", MmdbWriter.geoip2Country("NL"));
  }

  private static MmdbWriter b() {
    return MmdbWriter.ipv6("Test-B")
        .buildEpoch(BUILT)
        .recordSize(32)
        .insert("81.2.69.0/24", MmdbWriter.geoip2Country("IE"))
        .insert("8.8.0.0/16", MmdbWriter.geoip2City("CA", "QC"))
        .insert("5.5.0.0/16", MmdbWriter.flatCountry("DE"));
  }

  /** What each database answers for each of {@link #ADDRESSES}. */
  private static Jurisdiction[] answers(GeoResolver r) {
    Jurisdiction[] out = new Jurisdiction[ADDRESSES.length];
    for (int i = 0; i < ADDRESSES.length; i++) {
      out[i] = r.resolve(ADDRESSES[i]).jurisdiction();
    }
    return out;
  }

  @Test
  void lookupsDuringReloadsAlwaysSeeOneWholeDatabase() throws Exception {
    Path pathA = dir.resolve("a.mmdb");
    Path pathB = dir.resolve("b.mmdb");
    Path corrupt = dir.resolve("corrupt.mmdb");
    a().write(pathA);
    b().write(pathB);
    byte[] bytesB = Files.readAllBytes(pathB);
    Files.write(corrupt, java.util.Arrays.copyOf(bytesB, bytesB.length - 40));
    Jurisdiction[] fromA = answers(GeoResolver.builder().database(pathA).build());
    Jurisdiction[] fromB = answers(GeoResolver.builder().database(pathB).build());
    assertThat(fromA).isNotEqualTo(fromB);

    GeoResolver resolver = GeoResolver.builder().database(pathA).build();
    AtomicBoolean done = new AtomicBoolean();
    CyclicBarrier start = new CyclicBarrier(3);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<long[]>> hammers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      hammers.add(
          pool.submit(
              () -> {
                long[] seen = new long[2]; // lookups answered by A, by B
                start.await();
                int i = 0;
                while (!done.get()) {
                  int k = i++ % ADDRESSES.length;
                  Jurisdiction j = resolver.resolve(ADDRESSES[k]).jurisdiction();
                  if (j == fromA[k]) {
                    seen[0]++;
                  } else if (j == fromB[k]) {
                    seen[1]++;
                  } else {
                    throw new AssertionError(ADDRESSES[k] + " resolved to " + j);
                  }
                }
                return seen;
              }));
    }
    start.await();
    int refused = 0;
    for (int round = 0; round < 150; round++) {
      resolver.reload(round % 2 == 0 ? pathB : pathA);
      try {
        resolver.reload(corrupt);
      } catch (DatabaseException e) {
        refused++;
      }
    }
    resolver.reload(pathB);
    done.set(true);
    long total = 0;
    for (Future<long[]> f : hammers) {
      long[] seen = f.get(60, TimeUnit.SECONDS);
      total += seen[0] + seen[1];
    }
    pool.shutdown();
    assertThat(refused).isEqualTo(150);
    assertThat(total).isPositive();
    assertThat(answers(resolver)).containsExactly(fromB);
    assertThat(resolver.databaseType()).isEqualTo("Test-B");
  }

  @Test
  void reloadingAFileOverwrittenOrTruncatedInPlaceNeverCrashes() throws Exception {
    Path live = dir.resolve("live.mmdb");
    a().write(live);
    byte[] bytesA = Files.readAllBytes(live);
    byte[] bytesB = b().toByteArray();
    GeoResolver resolver = GeoResolver.builder().database(live).build();
    Jurisdiction[] fromA = answers(resolver);
    Jurisdiction[] fromB = answers(GeoResolver.builder().database(write("b.mmdb", bytesB)).build());
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int round = 0; round < 300; round++) {
      byte[] source = round % 2 == 0 ? bytesA : bytesB;
      int cut = random.nextInt(source.length + 1);
      try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE)) {
        // Overwrite in place: a prefix of one database over whatever was there, maybe truncated.
        ch.write(ByteBuffer.wrap(source, 0, cut), 0);
        if (random.nextBoolean()) {
          ch.truncate(cut);
        }
      }
      try {
        resolver.reload(live, true);
      } catch (DatabaseException e) {
        assertThat(e.fileName()).isEqualTo("live.mmdb");
      }
      Jurisdiction[] now = answers(resolver);
      assertThat(now)
          .satisfiesAnyOf(
              x -> assertThat(x).containsExactly(fromA), x -> assertThat(x).containsExactly(fromB));
    }
  }

  @Test
  void reloadingWhileAnotherThreadOverwritesTheFileNeverCrashes() throws Exception {
    Path live = dir.resolve("live.mmdb");
    a().write(live);
    byte[] bytesA = Files.readAllBytes(live);
    byte[] bytesB = b().toByteArray();
    GeoResolver resolver = GeoResolver.builder().database(live).build();
    AtomicBoolean done = new AtomicBoolean();
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<Integer> writer =
        pool.submit(
            () -> {
              start.await();
              int writes = 0;
              while (!done.get()) {
                byte[] source = writes % 2 == 0 ? bytesB : bytesA;
                try (FileChannel ch = FileChannel.open(live, StandardOpenOption.WRITE)) {
                  ch.truncate(writes % source.length);
                  ch.write(ByteBuffer.wrap(source), 0);
                }
                writes++;
              }
              return writes;
            });
    start.await();
    for (int round = 0; round < 300; round++) {
      try {
        resolver.reload(live, true);
      } catch (DatabaseException e) {
        assertThat(e.reason())
            .isIn(
                DatabaseException.Reason.CORRUPT,
                DatabaseException.Reason.UNREADABLE,
                DatabaseException.Reason.WRONG_SCHEMA);
      }
    }
    done.set(true);
    assertThat(writer.get(60, TimeUnit.SECONDS)).isPositive();
    pool.shutdown();
    assertThat(resolver.databaseType()).isIn("Test-A", "Test-B");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
