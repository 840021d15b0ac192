package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One client shared by 32 threads making 20,000 calls in total (half typed, half through
 * {@code actions().execute}) against a fast loopback server that echoes the id in the path.
 * Every call must get its own answer (each id exactly once, on the server and in the client:
 * nothing lost, nothing duplicated, no answer given to the wrong caller), the client must keep
 * to its connection pool, and after {@code close()} the server must see every connection closed
 * and no thread of the client or of HttpClient may be left. The build runs this class in the
 * JVM limited to 64 MB of heap (the {@code low-memory} surefire execution), and the test also
 * bounds the heap growth after GC. It must finish well under a minute on 2 cores.
 */
@Tag("low-memory")
class LoadTest {

  private static final int TOTAL = 20_000;
  private static final int THREADS = 32;
  private static final long MB = 1024 * 1024;

  private static long usedHeapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .collect(Collectors.toSet());
  }

  @Test
  @Timeout(120)
  void thirtyTwoThreadsShareOneClientForTwentyThousandCalls() throws Exception {
    if (Boolean.getBoolean("hedgekit.lowMemory")) {
      long max = Runtime.getRuntime().maxMemory();
      assertTrue(max <= 64 * MB, "max heap is " + max + " bytes, expected <= 64 MB");
    }
    AtomicIntegerArray served = new AtomicIntegerArray(TOTAL);
    LoopbackServer server = LoopbackServer.start(ex -> {
      // GET /api/projects/1/feature_flags/<id>/
      String[] seg = ex.rawPath().split("/");
      int id = Integer.parseInt(seg[5]);
      if (id < TOTAL) {
        served.incrementAndGet(id);
      }
      ex.respondJson(200, "{\"id\":" + id + ",\"key\":\"flag-" + id + "\",\"active\":true}");
    }).withoutRecording();

    Set<Thread> before = liveThreads();
    AtomicIntegerArray answered = new AtomicIntegerArray(TOTAL);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    long elapsedMillis;
    long heapBefore;
    long heapLoaded;
    // Client-side rate limiting off: 20,000 calls would otherwise be paced at PostHog's 480 a
    // minute; RateLimitTest covers the pacing, this test the sharing of one client.
    PostHogClient client = PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(30)).rateLimits(RateLimits.off()).build();
    try {
      // Warm up (the action catalogue, Feign's proxies, the pool) on ids outside the range,
      // so that the heap is measured before and after the load alone.
      for (int id = TOTAL; id < TOTAL + 2 * THREADS; id++) {
        client.project(1).featureFlags().get(id);
        client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
            Map.of("project_id", 1, "id", id));
      }
      heapBefore = usedHeapAfterGc();
      for (int t = 0; t < THREADS; t++) {
        Thread w = new Thread(() -> {
          try {
            go.await();
            for (int id = next.getAndIncrement(); id < TOTAL; id = next.getAndIncrement()) {
              int got;
              if (id % 2 == 0) {
                FeatureFlag f = client.project(1).featureFlags().get(id);
                got = (int) (long) f.getId();
                if (!("flag-" + id).equals(f.getKey())) {
                  failures.add("id " + id + " got key " + f.getKey());
                }
              } else {
                ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
                    Map.of("project_id", 1, "id", id));
                if (!r.successful()) {
                  failures.add("id " + id + ": " + r.error().message());
                  continue;
                }
                got = r.data().get("id").asInt();
              }
              if (got != id) {
                failures.add("id " + id + " got the answer for " + got);
              }
              answered.incrementAndGet(got);
            }
          } catch (Throwable e) {
            failures.add(e.toString());
          }
        }, "load-worker-" + t);
        workers.add(w);
        w.start();
      }
      long start = System.nanoTime();
      go.countDown();
      for (Thread w : workers) {
        w.join(TimeUnit.SECONDS.toMillis(90));
      }
      elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      heapLoaded = usedHeapAfterGc();
    } finally {
      client.close();
    }
    System.out.printf("LoadTest: %,d calls from %d threads in %,d ms (%,d calls/s), %d connections,"
        + " heap after GC %d MB before and %d MB after the load%n", TOTAL, THREADS, elapsedMillis,
        TOTAL * 1000L / Math.max(1, elapsedMillis), server.connectionsAccepted(),
        heapBefore / MB, heapLoaded / MB);

    assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(10, failures.size())));
    for (int id = 0; id < TOTAL; id++) {
      assertEquals(1, served.get(id), "times the server answered id " + id);
      assertEquals(1, answered.get(id), "times a caller received id " + id);
    }
    assertEquals(TOTAL + 4 * THREADS, server.requests(), "no retries, no duplicates");
    assertTrue(elapsedMillis < 60_000, "took " + elapsedMillis + " ms");
    assertTrue(server.connectionsAccepted() <= THREADS,
        "the pool reuses connections: " + server.connectionsAccepted() + " opened");
    assertTrue(heapLoaded - heapBefore < 8 * MB, "heap grew by "
        + (heapLoaded - heapBefore) / MB + " MB");

    // After close(): every connection closed, as the server sees it ...
    assertTrue(server.awaitOpenConnections(0, 3000),
        "connections still open after close(): " + server.openConnections());
    // ... and no thread of the client or of HttpClient left behind.
    Set<Thread> left = liveThreads();
    left.removeAll(before);
    left.removeIf(t -> t.getName().startsWith("loopback-") || t.getName().startsWith("load-worker-"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
      left.removeIf(t -> !t.isAlive());
    }
    assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()),
        "threads started by the client and still alive after close()");
    server.close();
  }
}
