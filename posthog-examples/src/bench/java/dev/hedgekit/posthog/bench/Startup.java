package dev.hedgekit.posthog.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Start-up as a user sees it: fresh JVMs (same classpath, the benchmarks jar), each timed in
 * this process from just before the process is started to the moment its {@code DONE} line
 * (printed right after its call completed) is read. Variants ({@link StartupChild}): (a)
 * {@code floor}, HttpURLConnection and plain Jackson decoding the flag into the generated
 * model; (b) {@code sdkTyped}, build the client and make the first typed call; (c)
 * {@code sdkToolkit}, build the client and run the first action by slug. The variants run in
 * rounds, shuffled within each round, one process at a time, against a {@link LoopbackServer}
 * in this JVM; one unrecorded round goes first (file cache, JIT of this process).
 *
 * <pre>
 * java -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.Startup [--runs 20] [--jvm-arg ARG ...] [--train-cds FILE.jsa]
 * </pre>
 *
 * <p>{@code --train-cds} first runs one JVM through all three variants with
 * {@code -XX:ArchiveClassesAtExit}, then starts every measured JVM with that archive, so all
 * variants get their classes from class-data sharing alike: what an application can do today
 * without any change to the SDK. The target figures are those without it.
 *
 * <p>Reports mean and median per variant, the part spent before the child's {@code main}
 * (JVM boot) and in it, and the ratios (b)/(a) (target at most 1.4) and (c)/(b) (target at
 * most 1.15), of the means and of the medians, all from this one run.
 */
public final class Startup {

  private static final String[] VARIANTS = {"floor", "sdkTyped", "sdkToolkit"};

  private Startup() {
  }

  public static void main(String[] args) throws Exception {
    int runs = 20;
    List<String> jvmArgs = new ArrayList<>();
    String cds = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--runs":
          runs = Integer.parseInt(args[i + 1]);
          break;
        case "--jvm-arg":
          jvmArgs.add(args[i + 1]);
          break;
        case "--train-cds":
          cds = args[i + 1];
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Map<String, List<long[]>> samples = new LinkedHashMap<>();
    for (String v : VARIANTS) {
      samples.put(v, new ArrayList<>());
    }
    try (LoopbackServer server = Fixtures.server()) {
      if (cds != null) {
        // One JVM runs all three variants and writes the classes it loaded to an archive
        // (AppCDS, a JDK feature); every measured JVM then maps it, whatever its variant.
        List<String> training = new ArrayList<>(jvmArgs);
        training.add("-XX:ArchiveClassesAtExit=" + cds);
        runOnce("train", server.baseUrl(), training);
        jvmArgs.add("-XX:SharedArchiveFile=" + cds);
      }
      List<String> order = new ArrayList<>(List.of(VARIANTS));
      Random random = new Random(20260507);
      for (int round = -1; round < runs; round++) {
        Collections.shuffle(order, random);
        for (String v : order) {
          long[] t = runOnce(v, server.baseUrl(), jvmArgs);
          if (round >= 0) {
            samples.get(v).add(t);
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "start-up, %d fresh JVMs per variant, interleaved; JVM options %s; %s %s%n",
        runs, jvmArgs, System.getProperty("java.vm.name"), System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "%-11s %9s %9s %9s %9s %12s %12s%n", "variant", "mean ms", "p50 ms",
        "min ms", "max ms", "boot p50 ms", "main p50 ms");
    Map<String, double[]> st = new LinkedHashMap<>();
    for (Map.Entry<String, List<long[]>> e : samples.entrySet()) {
      double[] total = e.getValue().stream().mapToDouble(t -> t[0] / 1e6).sorted().toArray();
      double[] main = e.getValue().stream().mapToDouble(t -> t[1] / 1e6).sorted().toArray();
      double[] boot = e.getValue().stream().mapToDouble(t -> (t[0] - t[1]) / 1e6).sorted().toArray();
      double mean = Arrays.stream(total).average().orElse(Double.NaN);
      double p50 = median(total);
      st.put(e.getKey(), new double[] {mean, p50});
      System.out.printf(Locale.ROOT, "%-11s %9.1f %9.1f %9.1f %9.1f %12.1f %12.1f%n", e.getKey(), mean, p50,
          total[0], total[total.length - 1], median(boot), median(main));
    }
    double[] a = st.get("floor");
    double[] b = st.get("sdkTyped");
    double[] c = st.get("sdkToolkit");
    System.out.printf(Locale.ROOT, "(b) sdkTyped / (a) floor:      mean %.2f, median %.2f (target <= 1.4): %s%n",
        b[0] / a[0], b[1] / a[1], b[0] / a[0] <= 1.4 ? "pass" : "MISS");
    System.out.printf(Locale.ROOT, "(c) sdkToolkit / (b) sdkTyped: mean %.2f, median %.2f (target <= 1.15): %s%n",
        c[0] / b[0], c[1] / b[1], c[0] / b[0] <= 1.15 ? "pass" : "MISS");
  }

  /** @return {process start to DONE, time inside the child's main}, in ns */
  private static long[] runOnce(String variant, String baseUrl, List<String> jvmArgs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(SimProcess.javaBinary());
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(StartupChild.class.getName());
    cmd.add(variant);
    cmd.add(baseUrl);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    long t0 = System.nanoTime();
    Process p = pb.start();
    long total = -1;
    long inMain = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("DONE ") && total < 0) {
          total = System.nanoTime() - t0;
          inMain = Long.parseLong(line.substring(5).trim());
        }
      }
    }
    int exit = p.waitFor();
    if (exit != 0 || total < 0) {
      throw new IllegalStateException(variant + " child failed (exit " + exit + ")");
    }
    return new long[] {total, inMain};
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
