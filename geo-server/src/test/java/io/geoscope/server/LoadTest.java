package io.geoscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded loopback load test: {@code geoscope.load.requests} decide requests (default 1,000)
 * from {@code geoscope.load.clients} threads (default 4), each with its own HTTP connection, while
 * another thread reloads the policy and the database (alternating two versions of each) every
 * 50 ms. Every answer is checked against the version that could have produced it; no request may
 * fail. Prints p50/p99 latency and throughput. Bounded in time too: it stops at 60 s whatever the
 * count.
 */
class LoadTest {
  @TempDir Path dir;

  @Test
  void noRequestFailsWhileThePolicyAndDatabaseAreReloaded() throws Exception {
    int total = Integer.getInteger("geoscope.load.requests", 1_000);
    int clients = Integer.getInteger("geoscope.load.clients", 4);
    ServerConfig config = TestFiles.config(dir).withReloadInterval(Duration.ZERO);
    String policyA = TestFiles.policy("load-a");
    String policyB = TestFiles.policy("load-b");
    Instant deadline = Instant.now().plusSeconds(60);
    try (GeoServer server = GeoServer.start(config)) {
      URI decide = server.uri().resolve("/v1/decide");
      long[] latencies = new long[total];
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      AtomicInteger wrong = new AtomicInteger();
      AtomicLong reloads = new AtomicLong();
      AtomicBoolean done = new AtomicBoolean();
      CyclicBarrier go = new CyclicBarrier(clients + 2);
      String[] bodies = new String[TestFiles.ALL.length];
      for (int i = 0; i < bodies.length; i++) {
        bodies[i] = "{\"participant\":{\"id\":\"p" + i + "\",\"address\":\"" + TestFiles.ALL[i]
            + "\"},\"meeting\":{\"tags\":[\"june-fourth\"]}}";
      }
      Thread reloader = new Thread(() -> {
        try {
          go.await();
          for (int v = 0; !done.get(); v++) {
            Files.writeString(config.policy(), (v & 1) == 0 ? policyB : policyA);
            TestFiles.database(config.database(), (v & 1) == 0, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(v + 1));
            if (!server.reloadNow()) {
              failures.incrementAndGet();
            }
            reloads.incrementAndGet();
            // Pacing, not waiting for a condition: a reload every 50 ms, so reloading does not
            // take a whole core of the two from the requests it must not disturb.
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
          }
        } catch (Exception e) {
          failures.incrementAndGet();
        }
      });
      Thread[] workers = new Thread[clients];
      for (int w = 0; w < clients; w++) {
        workers[w] = new Thread(() -> {
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
          try {
            go.await();
            int i;
            while ((i = next.getAndIncrement()) < total && Instant.now().isBefore(deadline)) {
              int which = i % bodies.length;
              HttpRequest r = HttpRequest.newBuilder(decide).timeout(Duration.ofSeconds(5))
                  .POST(HttpRequest.BodyPublishers.ofString(bodies[which])).build();
              long start = System.nanoTime();
              HttpResponse<String> a;
              try {
                a = http.send(r, HttpResponse.BodyHandlers.ofString());
              } catch (Exception e) {
                failures.incrementAndGet();
                latencies[i] = Long.MAX_VALUE;
                continue;
              }
              latencies[i] = System.nanoTime() - start;
              if (a.statusCode() != 200) {
                failures.incrementAndGet();
              } else if (!plausible(which, a.body())) {
                wrong.incrementAndGet();
              }
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        });
      }
      for (Thread t : workers) {
        t.start();
      }
      reloader.start();
      long began = System.nanoTime();
      go.await();
      for (Thread t : workers) {
        t.join();
      }
      long elapsed = System.nanoTime() - began;
      done.set(true);
      reloader.join();
      int sent = Math.min(next.get(), total);
      long[] measured = Arrays.copyOf(latencies, sent);
      Arrays.sort(measured);
      System.out.printf("geo-server load: %d requests, %d clients, %d reloads (policy+database), %d failed,"
              + " p50 %.3f ms, p99 %.3f ms, %.0f requests/s%n",
          sent, clients, reloads.get(), failures.get(),
          measured[sent / 2] / 1e6, measured[(int) (sent * 0.99)] / 1e6, sent / (elapsed / 1e9));
      assertThat(sent).as("requests sent before the 60 s bound").isEqualTo(total);
      assertThat(failures.get()).as("failed requests or refused reloads").isZero();
      assertThat(wrong.get()).as("answers no version in service could give").isZero();
      assertThat(reloads.get()).as("reloads during the run").isGreaterThan(0);
    }
  }

  /**
   * Whether an answer is one that version A or B of the policy and database could give: US moves
   * to HK in database B, and both policies refuse CN in june-fourth meetings.
   */
  private static boolean plausible(int which, String body) {
    switch (which) {
      case 0:
        return body.contains("\"outcome\":\"admit\"")
            && (body.contains("\"jurisdiction\":\"US-NY\"") || body.contains("\"jurisdiction\":\"HK\""));
      case 1:
        return body.contains("\"outcome\":\"admit\"") && body.contains("\"jurisdiction\":\"HK\"");
      case 2:
        return body.contains("\"outcome\":\"deny\"") && body.contains("\"jurisdiction\":\"CN-BJ\"");
      case 3:
        return body.contains("\"outcome\":\"admit-limited\"") && body.contains("\"disabled\":[\"chat\"]");
      default:
        return body.contains("\"jurisdiction\":\"DE-BE\"");
    }
  }
}
