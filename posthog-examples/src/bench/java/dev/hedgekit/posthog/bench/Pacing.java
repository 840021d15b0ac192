package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.LimitClass;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At PostHog's speed limit: {@code --calls} typed GETs of a flag from {@code --threads} threads
 * sharing one client, against the simulated PostHog (its own process) throttling the key to
 * {@code --per-minute} requests in any 60 s (and 60 times that per hour) with
 * {@code --latency-ms} per request. Run twice: with the client's limiter set to the same limit
 * ({@code RateLimits.off().with(LimitClass.CRUD, n, 60 n)}), then with client-side limiting
 * off, for contrast.
 *
 * <pre>
 * java -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.Pacing
 *     [--calls 2000] [--threads 8] [--per-minute 600] [--latency-ms 50] [--mode both|limited|off]
 * </pre>
 *
 * <p>Reports the total time against the least the limit allows (a full window's worth at
 * once, the next one window later: {@code floor((calls - 1) / n)} windows plus one latency),
 * their ratio (target at most 1.1 with the limiter), and the 429s the server sent per window:
 * in each 60 s window counted from the first request, and the most within any 60 s (target
 * at most 1). Takes about three minutes per mode with the defaults.
 *
 * <p>Before each measured run a separate client warms the JVM up with a few calls, then the
 * server's counters and throttle histories are cleared, so the measured client starts from
 * an empty window on both sides.
 */
public final class Pacing {

  private static final long WINDOW_NANOS = 60_000_000_000L;

  private Pacing() {
  }

  public static void main(String[] args) throws Exception {
    int calls = 2000;
    int threads = 8;
    int perMinute = 600;
    int latencyMs = 50;
    String mode = "both";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--calls":
          calls = Integer.parseInt(args[i + 1]);
          break;
        case "--threads":
          threads = Integer.parseInt(args[i + 1]);
          break;
        case "--per-minute":
          perMinute = Integer.parseInt(args[i + 1]);
          break;
        case "--latency-ms":
          latencyMs = Integer.parseInt(args[i + 1]);
          break;
        case "--mode":
          mode = args[i + 1];
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    boolean ok = true;
    if (!mode.equals("off")) {
      ok = run(true, calls, threads, perMinute, latencyMs);
    }
    if (!mode.equals("limited")) {
      run(false, calls, threads, perMinute, latencyMs);
    }
    System.exit(ok ? 0 : 2);
  }

  private static boolean run(boolean limited, int calls, int threads, int perMinute, int latencyMs)
      throws Exception {
    RateLimits limits = limited
        ? RateLimits.off().with(LimitClass.CRUD, perMinute, perMinute * 60)
        : RateLimits.off();
    try (SimProcess sim = SimProcess.start("256m", "--latency-ms", Integer.toString(latencyMs),
        "--crud-limit", perMinute + "/60s," + (perMinute * 60) + "/3600s")) {
      System.out.printf(Locale.ROOT, "%n== %s: %d typed GETs from %d threads, client %s%n%s%n",
          limited ? "client limiter at the server's limit" : "client-side limiting off",
          calls, threads, limits, sim.banner());
      try (PostHogClient warm = client(sim.baseUrl(), RateLimits.off())) {
        for (int i = 0; i < 20; i++) {
          warm.project().featureFlags().get(Fixtures.FLAG_ID);
        }
      }
      sim.reset();

      AtomicInteger next = new AtomicInteger();
      long[] done = new long[calls];
      Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
      AtomicLong longest = new AtomicLong();
      List<Thread> workers = new ArrayList<>();
      long start;
      try (PostHogClient client = client(sim.baseUrl(), limits)) {
        start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
          Thread w = new Thread(() -> {
            int k;
            while ((k = next.getAndIncrement()) < calls) {
              long c0 = System.nanoTime();
              try {
                FeatureFlag f = client.project().featureFlags().get(Fixtures.FLAG_ID);
                if (f.getId() == null || f.getId() != Fixtures.FLAG_ID) {
                  throw new IllegalStateException("wrong flag " + f.getId());
                }
              } catch (RuntimeException e) {
                failures.computeIfAbsent(e.getClass().getSimpleName(), x -> new AtomicLong()).incrementAndGet();
              }
              long c1 = System.nanoTime();
              done[k] = c1;
              longest.accumulateAndGet(c1 - c0, Math::max);
            }
          }, "pacing-" + t);
          w.start();
          workers.add(w);
        }
        for (Thread w : workers) {
          w.join();
        }
      }
      long end = Arrays.stream(done).max().orElse(start);
      double total = (end - start) / 1e9;
      double minimum = (calls - 1) / perMinute * (WINDOW_NANOS / 1e9) + latencyMs / 1000.0;
      double ratio = total / minimum;

      JsonNode crud = sim.stats().get("crud");
      double first = crud.get("first_ms").asDouble();
      List<Double> throttledAt = new ArrayList<>();
      crud.get("throttled_at_ms").forEach(n -> throttledAt.add(n.asDouble() - first));
      // Recorded in the order the server's lock was taken, which may differ by a hair from
      // the order of the times themselves.
      throttledAt.sort(null);
      int windows = (int) Math.max(1, Math.ceil((end - start) / (double) WINDOW_NANOS));
      int[] perWindow = new int[windows];
      for (double t : throttledAt) {
        perWindow[Math.min(windows - 1, (int) (t / 60_000.0))]++;
      }
      int slidingMax = 0;
      for (int i = 0, j = 0; i < throttledAt.size(); i++) {
        while (throttledAt.get(i) - throttledAt.get(j) >= 60_000.0) {
          j++;
        }
        slidingMax = Math.max(slidingMax, i - j + 1);
      }
      int[] completed = new int[windows];
      for (long d : done) {
        completed[Math.min(windows - 1, (int) ((d - start) / WINDOW_NANOS))]++;
      }
      long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();

      System.out.printf(Locale.ROOT, "total %.2f s; least the limit allows %.2f s (%d windows of 60 s + %d ms);"
          + " ratio %.3f%s%n", total, minimum, (calls - 1) / perMinute, latencyMs, ratio,
          limited ? (ratio <= 1.1 ? " (target <= 1.1): pass" : " (target <= 1.1): MISS") : "");
      System.out.printf(Locale.ROOT, "calls: %d succeeded, %d failed %s; longest call %.2f s%n",
          calls - failed, failed, new TreeMap<>(failures), longest.get() / 1e9);
      System.out.printf(Locale.ROOT, "server: %d requests, %d answered, %d refused with 429%n",
          crud.get("requests").asLong(), crud.get("ok").asLong(), crud.get("throttled").asLong());
      System.out.printf(Locale.ROOT, "429s per 60 s window from the first request: %s, mean %.2f; most in any 60 s: %d%s%n",
          Arrays.toString(perWindow), throttledAt.size() / (double) windows, slidingMax,
          limited ? (slidingMax <= 1 ? " (target <= 1): pass" : " (target <= 1): MISS") : "");
      System.out.printf(Locale.ROOT, "calls completed per 60 s window: %s%n", Arrays.toString(completed));
      return !limited || (ratio <= 1.1 && slidingMax <= 1 && failed == 0);
    }
  }

  private static PostHogClient client(String baseUrl, RateLimits limits) {
    return PostHogClient.builder().apiKey(Fixtures.API_KEY).baseUrl(baseUrl)
        .projectId(Fixtures.PROJECT).rateLimits(limits).build();
  }
}
