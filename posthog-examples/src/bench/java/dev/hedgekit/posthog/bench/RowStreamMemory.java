package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.query.Row;
import dev.hedgekit.posthog.query.RowsOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Large results in small memory: streams a million HogQL rows through
 * {@code client.project().query().rows(sql)} (pages of 50,000 rows, PostHog's maximum) from
 * the simulated PostHog running in a process of its own, checks the row count and an
 * order-sensitive checksum of every value, and reports the heap in use after a full GC,
 * sampled on the first row of every page (the page just decoded and held) and at the end.
 * Run it in a small heap:
 *
 * <pre>
 * java -Xmx64m -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.RowStreamMemory
 *     [--rows 1000000] [--page 50000] [--latency-ms 50] [--framing chunked|length]
 * </pre>
 *
 * <p>Target: the largest sample under 32 MB. Client-side rate limiting is off (the subject is
 * memory; 21 query requests are far below PostHog's query limit anyway). Exit status 1 if the
 * rows or the checksum are wrong, 2 if the target is missed.
 */
public final class RowStreamMemory {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final double MB = 1024.0 * 1024.0;

  private RowStreamMemory() {
  }

  public static void main(String[] args) throws Exception {
    long total = 1_000_000;
    int pageSize = RowsOptions.MAX_PAGE_SIZE;
    String latency = "50";
    String framing = "chunked";
    double targetMb = 32;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rows":
          total = Long.parseLong(args[i + 1]);
          break;
        case "--page":
          pageSize = Integer.parseInt(args[i + 1]);
          break;
        case "--latency-ms":
          latency = args[i + 1];
          break;
        case "--framing":
          framing = args[i + 1];
          break;
        case "--target-mb":
          targetMb = Double.parseDouble(args[i + 1]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
    System.out.printf(Locale.ROOT, "JVM: Java %s, max heap %.1f MB, collectors %s, input arguments %s%n",
        System.getProperty("java.version"), maxHeap / MB, gcs,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (maxHeap > 64 * 1024 * 1024) {
      System.out.println("WARNING: the heap may grow past 64 MB; run with -Xmx64m for the figure"
          + " the target is about");
    }

    List<Double> samples = new ArrayList<>();
    HogQlRows.Checksum sum = new HogQlRows.Checksum();
    long samplingNanos = 0;
    long elapsed;
    double baseline;
    double atEnd;
    double afterClose;
    JsonNode stats;
    try (SimProcess sim = SimProcess.start("256m", "--rows", Long.toString(total),
        "--max-rows", Integer.toString(RowsOptions.MAX_PAGE_SIZE), "--latency-ms", latency,
        "--framing", framing);
        PostHogClient client = PostHogClient.builder().apiKey(Fixtures.API_KEY)
            .baseUrl(sim.baseUrl()).projectId(Fixtures.PROJECT).rateLimits(RateLimits.off())
            .build()) {
      System.out.println(sim.banner());
      baseline = usedAfterGc();
      long t0 = System.nanoTime();
      try (Stream<Row> rows = client.project().query().rows(HogQlRows.SQL, Map.of(),
          RowsOptions.defaults().withPageSize(pageSize))) {
        Iterator<Row> it = rows.iterator();
        long i = 0;
        while (it.hasNext()) {
          Row r = it.next();
          if (i == 0 && !r.columns().equals(List.of(HogQlRows.COLUMNS))) {
            throw new IllegalStateException("unexpected columns " + r.columns());
          }
          sum.add(r.get(0).asText(), r.get(1).asText(), r.get(2).asLong());
          if (i % pageSize == 0) {
            // The page this row came from was just decoded and is held by the stream.
            long s0 = System.nanoTime();
            samples.add(usedAfterGc());
            samplingNanos += System.nanoTime() - s0;
          }
          i++;
        }
        long s0 = System.nanoTime();
        atEnd = usedAfterGc();
        samplingNanos += System.nanoTime() - s0;
        elapsed = System.nanoTime() - t0;
      }
      afterClose = usedAfterGc();
      stats = sim.stats().get("query");
    }

    long expected = HogQlRows.expectedChecksum(total);
    boolean countOk = sum.rows() == total;
    boolean sumOk = sum.value() == expected;
    double max = Math.max(atEnd, samples.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    long requests = stats.get("requests").asLong();
    long bytes = stats.get("body_bytes").asLong();
    System.out.printf(Locale.ROOT, "rows read: %d (expected %d) %s%n", sum.rows(), total, countOk ? "ok" : "WRONG");
    System.out.printf(Locale.ROOT, "checksum: %016x (expected %016x) %s%n", sum.value(), expected, sumOk ? "ok" : "WRONG");
    System.out.printf(Locale.ROOT, "requests: %d, rows sent: %d, body bytes: %d (%.1f bytes per row, %.2f MB per full page)%n",
        requests, stats.get("rows_sent").asLong(), bytes, bytes / (double) Math.max(1, total),
        bytes / (double) Math.max(1, total) * pageSize / MB);
    System.out.printf(Locale.ROOT, "heap used after full GC, MB: before the stream %.1f; first row of each page %s;"
        + " after the last row %.1f; after close %.1f%n", baseline,
        samples.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.toList()),
        atEnd, afterClose);
    System.out.printf(Locale.ROOT, "max heap used after GC: %.1f MB (target < %.0f MB): %s%n", max, targetMb,
        max < targetMb ? "pass" : "MISS");
    System.out.printf(Locale.ROOT, "elapsed: %.2f s including %d heap samples, %.2f s without them"
        + " (%.0f rows/s)%n", elapsed / 1e9, samples.size() + 1, (elapsed - samplingNanos) / 1e9,
        total / ((elapsed - samplingNanos) / 1e9));
    System.exit(!countOk || !sumOk ? 1 : max < targetMb ? 0 : 2);
  }

  /** Heap in use right after a full collection, in MB. */
  private static double usedAfterGc() {
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed() / MB;
  }
}
