package dev.hedgekit.posthog.bench;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.bench.floors.Floor;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A cross-check of the JMH ratios for a shared, noisy machine: every contender of a scenario
 * runs in one JVM against one server, interleaved in short batches in a shuffled order, so
 * that a burst of load from elsewhere hits them all alike. Prints the mean, the median and
 * the ratios to the fastest general-purpose client and to the bare socket.
 *
 * <pre>
 * java -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.Compare [get|list|post|concurrent|firstcall] [seconds]
 * </pre>
 *
 * <p>{@code firstcall} times, in a warm JVM, the first call of a just-built SDK client and of
 * just-made floor clients (building them is not timed), a TCP connect to the server, and a
 * steady call of a warm SDK client.
 *
 * <p>{@code concurrent} runs the small GET with 16 threads sharing each client, in slices of
 * half a second per contender, and prints operations per second.
 */
public final class Compare {

  interface Op {
    Object run() throws Exception;
  }

  private Compare() {
  }

  /** The small GET the three SDK ways, by contender name (also used by {@link Profile}). */
  static Map<String, Op> sdkGet(PostHogClient client, FeatureFlagsApi api,
      Map<String, Object> getParams) {
    Map<String, Op> ops = new LinkedHashMap<>();
    ops.put("sdkTyped", () -> client.project().featureFlags().get(Fixtures.FLAG_ID));
    ops.put("sdkActions", () -> SdkState.ok(client.toolkit().execute(Fixtures.SLUG_GET, getParams)).data());
    ops.put("sdkGenerated", () -> api.featureFlagsRetrieve(Fixtures.PROJECT, Fixtures.FLAG_ID));
    return ops;
  }

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 ? args[0] : "get";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    if ("firstcall".equals(scenario)) {
      firstCall(seconds);
      System.exit(0);
    }
    try (LoopbackServer server = Fixtures.server();
        PostHogClient client = Fixtures.client(server.baseUrl())) {
      FeatureFlagsApi api = client.generated(FeatureFlagsApi.class);
      Map<String, Op> ops = new LinkedHashMap<>();
      List<Floor> floors = new ArrayList<>();
      Map<String, Object> getParams = Fixtures.getParams();
      Map<String, Object> listParams = Fixtures.listParams();
      Map<String, Object> createParams = Fixtures.createParams();
      switch (scenario) {
        case "get":
        case "concurrent":
          ops.putAll(sdkGet(client, api, getParams));
          break;
        case "list":
          ops.put("sdkTyped", () -> client.project().featureFlags().list());
          ops.put("sdkActions", () -> SdkState.ok(client.toolkit().execute(Fixtures.SLUG_LIST, listParams)).data());
          ops.put("sdkGenerated", () -> api.featureFlagsList(Fixtures.PROJECT, new FeatureFlagsListQuery()));
          break;
        case "post":
          ops.put("sdkTyped", () -> client.project().featureFlags().create(Fixtures.NEW_FLAG));
          ops.put("sdkActions", () -> SdkState.ok(client.toolkit().execute(Fixtures.SLUG_CREATE, createParams)).data());
          ops.put("sdkGenerated", () -> api.featureFlagsCreate(Fixtures.PROJECT, Fixtures.NEW_FLAG));
          break;
        default:
          throw new IllegalArgumentException("scenario: get, list, post or concurrent");
      }
      for (String name : new String[] {"socket", "urlconnection", "jdkhttp", "okhttp", "apache"}) {
        Floor f = Floor.create(name, server.baseUrl(), 64);
        floors.add(f);
        switch (scenario) {
          case "get":
          case "concurrent":
            ops.put(name, f::getFlag);
            break;
          case "list":
            ops.put(name, f::list);
            break;
          default:
            ops.put(name, () -> f.create(Fixtures.NEW_FLAG));
        }
      }
      if ("concurrent".equals(scenario)) {
        concurrent(ops, seconds);
        for (Floor f : floors) {
          f.close();
        }
        return;
      }
      int batch = "list".equals(scenario) ? 20 : 100;
      List<String> names = new ArrayList<>(ops.keySet());
      Map<String, long[]> samples = new LinkedHashMap<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (String n : names) {
        samples.put(n, new long[1 << 20]);
        counts.put(n, 0);
      }
      Random random = new Random(42);
      long warmupEnd = System.nanoTime() + seconds * 1_000_000_000L / 3;
      long end = warmupEnd + seconds * 1_000_000_000L * 2 / 3;
      while (System.nanoTime() < end) {
        boolean measuring = System.nanoTime() >= warmupEnd;
        Collections.shuffle(names, random);
        for (String n : names) {
          Op op = ops.get(n);
          long[] s = samples.get(n);
          int c = counts.get(n);
          for (int i = 0; i < batch; i++) {
            long t0 = System.nanoTime();
            if (op.run() == null) {
              throw new IllegalStateException(n + " answered null");
            }
            long t = System.nanoTime() - t0;
            if (measuring && c < s.length) {
              s[c++] = t;
            }
          }
          counts.put(n, c);
        }
      }
      Map<String, double[]> stats = new LinkedHashMap<>();
      for (String n : ops.keySet()) {
        long[] s = Arrays.copyOf(samples.get(n), counts.get(n));
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN) / 1000.0;
        double p50 = s[s.length / 2] / 1000.0;
        double p90 = s[s.length * 9 / 10] / 1000.0;
        stats.put(n, new double[] {mean, p50, p90, s.length});
      }
      String fastestMean = null;
      String fastestP50 = null;
      for (String n : new String[] {"urlconnection", "jdkhttp", "okhttp", "apache"}) {
        if (fastestMean == null || stats.get(n)[0] < stats.get(fastestMean)[0]) {
          fastestMean = n;
        }
        if (fastestP50 == null || stats.get(n)[1] < stats.get(fastestP50)[1]) {
          fastestP50 = n;
        }
      }
      System.out.printf(Locale.ROOT, "scenario %s, %d s, fastest client by mean: %s, by median: %s%n",
          scenario, seconds, fastestMean, fastestP50);
      System.out.printf(Locale.ROOT, "%-14s %9s %9s %9s %8s %10s %10s %10s %10s%n", "contender", "mean us",
          "p50 us", "p90 us", "n", "mean/best", "p50/best", "mean/sock", "p50/sock");
      for (Map.Entry<String, double[]> e : stats.entrySet()) {
        double[] v = e.getValue();
        System.out.printf(Locale.ROOT, "%-14s %9.1f %9.1f %9.1f %8d %10.2f %10.2f %10.2f %10.2f%n",
            e.getKey(), v[0], v[1], v[2], (long) v[3],
            v[0] / stats.get(fastestMean)[0], v[1] / stats.get(fastestP50)[1],
            v[0] / stats.get("socket")[0], v[1] / stats.get("socket")[1]);
      }
      double typedToApache = stats.get("sdkTyped")[0] / stats.get("apache")[0];
      System.out.printf(Locale.ROOT, "sdkTyped / apache (HttpClient 5 used directly): mean %.2f, median %.2f%s%n",
          typedToApache, stats.get("sdkTyped")[1] / stats.get("apache")[1],
          "get".equals(scenario) ? (typedToApache <= 1.3 ? " (target <= 1.3): pass" : " (target <= 1.3): MISS") : "");
      for (Floor f : floors) {
        f.close();
      }
    }
    System.exit(0);
  }

  /** 16 threads per contender, contenders in shuffled half-second slices. */
  private static void concurrent(Map<String, Op> ops, int seconds) throws Exception {
    int threads = 16;
    List<String> names = new ArrayList<>(ops.keySet());
    Map<String, long[]> totals = new LinkedHashMap<>();
    for (String n : ops.keySet()) {
      totals.put(n, new long[2]);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    Random random = new Random(42);
    long warmupEnd = System.nanoTime() + seconds * 1_000_000_000L / 3;
    long end = warmupEnd + seconds * 1_000_000_000L * 2 / 3;
    long slice = 500_000_000L;
    while (System.nanoTime() < end) {
      boolean measuring = System.nanoTime() >= warmupEnd;
      Collections.shuffle(names, random);
      for (String n : names) {
        Op op = ops.get(n);
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(threads);
        long start = System.nanoTime();
        long stop = start + slice;
        for (int t = 0; t < threads; t++) {
          pool.execute(() -> {
            long c = 0;
            try {
              while (System.nanoTime() < stop) {
                op.run();
                c++;
              }
            } catch (Exception e) {
              e.printStackTrace();
            } finally {
              count.addAndGet(c);
              done.countDown();
            }
          });
        }
        done.await();
        long elapsed = System.nanoTime() - start;
        if (measuring) {
          totals.get(n)[0] += count.get();
          totals.get(n)[1] += elapsed;
        }
      }
    }
    pool.shutdownNow();
    String best = null;
    for (String n : new String[] {"urlconnection", "jdkhttp", "okhttp", "apache"}) {
      if (best == null || rate(totals.get(n)) > rate(totals.get(best))) {
        best = n;
      }
    }
    System.out.printf(Locale.ROOT, "scenario concurrent (16 threads), %d s, fastest client: %s%n", seconds, best);
    System.out.printf(Locale.ROOT, "%-14s %10s %10s %10s%n", "contender", "ops/s", "/best", "/socket");
    for (Map.Entry<String, long[]> e : totals.entrySet()) {
      System.out.printf(Locale.ROOT, "%-14s %10.0f %10.2f %10.2f%n", e.getKey(), rate(e.getValue()),
          rate(e.getValue()) / rate(totals.get(best)), rate(e.getValue()) / rate(totals.get("socket")));
    }
  }

  /** First calls of fresh clients, interleaved with connects and steady calls. */
  private static void firstCall(int seconds) throws Exception {
    try (LoopbackServer server = Fixtures.server();
        PostHogClient warm = Fixtures.client(server.baseUrl())) {
      java.net.URI u = java.net.URI.create(server.baseUrl());
      String[] names = {"sdkFirstCall", "sdkSteady", "connect", "socketFirstCall", "apacheFirstCall",
          "okhttpFirstCall"};
      Map<String, List<Long>> samples = new LinkedHashMap<>();
      for (String n : names) {
        samples.put(n, new ArrayList<>());
      }
      List<String> order = new ArrayList<>(List.of(names));
      Random random = new Random(42);
      long warmupEnd = System.nanoTime() + seconds * 1_000_000_000L / 3;
      long end = warmupEnd + seconds * 1_000_000_000L * 2 / 3;
      while (System.nanoTime() < end) {
        boolean measuring = System.nanoTime() >= warmupEnd;
        Collections.shuffle(order, random);
        for (String n : order) {
          long t;
          switch (n) {
            case "sdkFirstCall": {
              PostHogClient c = Fixtures.client(server.baseUrl());
              long t0 = System.nanoTime();
              c.project().featureFlags().get(Fixtures.FLAG_ID);
              t = System.nanoTime() - t0;
              c.close();
              break;
            }
            case "sdkSteady": {
              long t0 = System.nanoTime();
              warm.project().featureFlags().get(Fixtures.FLAG_ID);
              t = System.nanoTime() - t0;
              break;
            }
            case "connect": {
              long t0 = System.nanoTime();
              try (java.net.Socket so = new java.net.Socket()) {
                so.setTcpNoDelay(true);
                so.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()));
              }
              t = System.nanoTime() - t0;
              break;
            }
            default: {
              Floor f = Floor.create(n.substring(0, n.indexOf("First")), server.baseUrl(), 64);
              long t0 = System.nanoTime();
              f.getFlag();
              t = System.nanoTime() - t0;
              f.close();
            }
          }
          if (measuring) {
            samples.get(n).add(t);
          }
        }
      }
      System.out.printf(Locale.ROOT, "scenario firstcall, %d s%n%-16s %9s %9s %6s%n", seconds,
          "contender", "mean us", "p50 us", "n");
      Map<String, double[]> st = new LinkedHashMap<>();
      for (Map.Entry<String, List<Long>> e : samples.entrySet()) {
        long[] v = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN) / 1000;
        double p50 = v.length == 0 ? Double.NaN : v[v.length / 2] / 1000.0;
        st.put(e.getKey(), new double[] {mean, p50});
        System.out.printf(Locale.ROOT, "%-16s %9.1f %9.1f %6d%n", e.getKey(), mean, p50, v.length);
      }
      double[] f = st.get("sdkFirstCall");
      double[] s = st.get("sdkSteady");
      double[] c = st.get("connect");
      System.out.printf(Locale.ROOT, "first / (steady + connect): mean %.2f, p50 %.2f%n",
          f[0] / (s[0] + c[0]), f[1] / (s[1] + c[1]));
    }
  }

  private static double rate(long[] t) {
    return t[0] * 1e9 / t[1];
  }
}
