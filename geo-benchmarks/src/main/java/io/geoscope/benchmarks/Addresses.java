package io.geoscope.benchmarks;

import com.google.common.net.InetAddresses;
import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Network;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Pre-generated benchmark inputs: {@link #SIZE} addresses as text, bytes and {@link InetAddress},
 * half of them inside a network the database has data for (checked with MaxMind's reader, so the
 * code under test plays no part in choosing them) and half uniformly random. In the {@code zipf}
 * distribution the same addresses are drawn with Zipf-distributed popularity (exponent 1), as a
 * busy meeting service sees repeat visitors.
 *
 * <p>Benchmarks consume them round-robin with {@code i++ & MASK}.
 */
final class Addresses {

  /** Number of inputs; a power of two. */
  static final int SIZE = 1 << 16;

  static final int MASK = SIZE - 1;

  final String[] text = new String[SIZE];
  final byte[][] bytes = new byte[SIZE][];
  final InetAddress[] inet = new InetAddress[SIZE];

  private Addresses() {}

  /** IPv4 inputs for {@code db} in {@code distribution} ({@code uniform} or {@code zipf}). */
  static Addresses ipv4(Path db, String distribution, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] distinct = new byte[SIZE][];
    try (Reader reader = new Reader(db.toFile())) {
      for (int i = 0; i < SIZE; i++) {
        byte[] b = bytes4(random.nextInt());
        if (i % 2 == 0) {
          while (!covered(reader, b)) {
            b = bytes4(random.nextInt());
          }
        }
        distinct[i] = b;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return arrange(distinct, distribution, random);
  }

  /**
   * IPv6 inputs for {@code db}: half chosen inside the database's IPv6 networks in {@code 2000::/3}
   * (outside the prefixes that stand for IPv4 addresses), half uniformly random in {@code
   * 2000::/3}.
   */
  static Addresses ipv6(Path db, String distribution, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<long[]> networks = new ArrayList<>();
    try (Reader reader = new Reader(db.toFile())) {
      Networks<Object> all =
          reader.networksWithin(
              new Network(InetAddresses.forString("2000::"), 3), false, Object.class);
      while (all.hasNext()) {
        DatabaseRecord<Object> r = all.next();
        byte[] start = r.network().networkAddress().getAddress();
        long hi = long64(start, 0);
        if (start.length != 16
            || hi >>> 48 == 0x2002L
            || hi >>> 32 == 0x2001_0000L
            || hi >>> 32 == 0x2001_0DB8L
            || r.data() == null) {
          continue;
        }
        networks.add(new long[] {hi, long64(start, 8), r.network().prefixLength()});
      }
    } catch (IOException | com.maxmind.db.InvalidNetworkException e) {
      throw new IllegalStateException("cannot list the networks of " + db, e);
    }
    if (networks.isEmpty()) {
      throw new IllegalStateException(db + " has no IPv6 networks to draw addresses from");
    }
    byte[][] distinct = new byte[SIZE][];
    for (int i = 0; i < SIZE; i++) {
      long hi;
      long lo;
      if (i % 2 == 0) {
        long[] n = networks.get(random.nextInt(networks.size()));
        int prefix = (int) n[2];
        long hiHost = prefix >= 64 ? 0 : random.nextLong() >>> prefix;
        long loHost = prefix <= 64 ? random.nextLong() : random.nextLong() >>> (prefix - 64);
        hi = n[0] | hiHost;
        lo = n[1] | loHost;
      } else {
        hi = 0x2000_0000_0000_0000L | (random.nextLong() >>> 3);
        lo = random.nextLong();
      }
      byte[] b = new byte[16];
      put64(b, 0, hi);
      put64(b, 8, lo);
      distinct[i] = b;
    }
    return arrange(distinct, distribution, random);
  }

  private static boolean covered(Reader reader, byte[] address) throws IOException {
    return reader.getRecord(InetAddress.getByAddress(address), Object.class).data() != null;
  }

  private static Addresses arrange(
      byte[][] distinct, String distribution, SplittableRandom random) {
    shuffle(distinct, random);
    Addresses out = new Addresses();
    int[] pick = new int[SIZE];
    if (distribution.equals("uniform")) {
      for (int i = 0; i < SIZE; i++) {
        pick[i] = i;
      }
    } else if (distribution.equals("zipf")) {
      double[] cumulative = new double[SIZE];
      double sum = 0;
      for (int rank = 0; rank < SIZE; rank++) {
        sum += 1.0 / (rank + 1);
        cumulative[rank] = sum;
      }
      for (int i = 0; i < SIZE; i++) {
        double u = random.nextDouble() * sum;
        int at = java.util.Arrays.binarySearch(cumulative, u);
        pick[i] = at >= 0 ? at : Math.min(SIZE - 1, -at - 1);
      }
    } else {
      throw new IllegalArgumentException("distribution must be uniform or zipf: " + distribution);
    }
    // Distinct objects even for repeated addresses, as a service sees them on every request.
    for (int i = 0; i < SIZE; i++) {
      byte[] b = distinct[pick[i]].clone();
      out.bytes[i] = b;
      out.inet[i] = inet(b);
      out.text[i] = InetAddresses.toAddrString(out.inet[i]);
    }
    return out;
  }

  private static InetAddress inet(byte[] b) {
    try {
      return InetAddress.getByAddress(b.clone());
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError("4 or 16 bytes are always an address", e);
    }
  }

  private static void shuffle(byte[][] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      byte[] t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static byte[] bytes4(int a) {
    return new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
  }

  private static long long64(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8 && at + i < b.length; i++) {
      v = (v << 8) | (b[at + i] & 0xFF);
    }
    return v;
  }

  private static void put64(byte[] b, int at, long v) {
    for (int i = 0; i < 8; i++) {
      b[at + i] = (byte) (v >>> (56 - 8 * i));
    }
  }
}
