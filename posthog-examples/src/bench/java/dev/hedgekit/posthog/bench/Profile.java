package dev.hedgekit.posthog.bench;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.bench.floors.Floor;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU of a small GET goes, for one contender at a time: {@code run} makes the calls
 * with N threads (record it with JFR), {@code report} reads the recording and prints, per
 * method, the share of execution samples whose stack holds it, and the samples per call in
 * units of one answer decode (Jackson's {@code ObjectReader}), so that two recordings of
 * different lengths and loads compare.
 *
 * <pre>
 * java -XX:StartFlightRecording=delay=40s,duration=25s,filename=sdk.jfr,settings=profile \
 *   -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.Profile run sdkGenerated 16 70
 * java -cp posthog-examples/target/benchmarks.jar dev.hedgekit.posthog.bench.Profile report sdk.jfr
 * </pre>
 *
 * <p>Contenders: {@code sdkTyped}, {@code sdkGenerated}, {@code sdkActions}, or a floor name
 * ({@code apache}, {@code okhttp}, ...). The first 40 s warm the JIT up.
 */
public final class Profile {

  /**
   * The answer decode: the floors read a byte array ({@code ObjectReader._bindAndClose}), the
   * SDK reads from its parser ({@code ObjectReader._bind}); a sample in either counts once.
   */
  private static final Set<String> DECODE = Set.of(
      "com.fasterxml.jackson.databind.ObjectReader._bindAndClose",
      "com.fasterxml.jackson.databind.ObjectReader._bind");

  private Profile() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("report")) {
      report(Path.of(args[1]));
      return;
    }
    if (args.length != 4 || !args[0].equals("run")) {
      throw new IllegalArgumentException("usage: run CONTENDER THREADS SECONDS | report FILE.jfr");
    }
    run(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    System.exit(0);
  }

  private static void run(String contender, int threads, int seconds) throws Exception {
    try (LoopbackServer server = Fixtures.server();
        PostHogClient client = Fixtures.client(server.baseUrl())) {
      FeatureFlagsApi api = client.generated(FeatureFlagsApi.class);
      Floor floor = null;
      Compare.Op op = Compare.sdkGet(client, api, Fixtures.getParams()).get(contender);
      if (op == null) {
        floor = Floor.create(contender, server.baseUrl(), 64);
        op = floor::getFlag;
      }
      Compare.Op call = op;
      AtomicLong calls = new AtomicLong();
      long stop = System.nanoTime() + seconds * 1_000_000_000L;
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Thread t = new Thread(() -> {
          long n = 0;
          try {
            while (System.nanoTime() < stop) {
              call.run();
              n++;
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          } finally {
            calls.addAndGet(n);
          }
        });
        t.start();
        workers.add(t);
      }
      for (Thread t : workers) {
        t.join();
      }
      System.out.printf(Locale.ROOT, "%s: %d calls in %d s with %d threads%n", contender,
          calls.get(), seconds, threads);
      if (floor != null) {
        floor.close();
      }
    }
  }

  private static void report(Path file) throws Exception {
    Map<String, Integer> inclusive = new HashMap<>();
    int samples = 0;
    int decodes = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      samples++;
      Set<String> seen = new HashSet<>();
      for (RecordedFrame f : e.getStackTrace().getFrames()) {
        String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
        if (seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
      if (seen.stream().anyMatch(DECODE::contains)) {
        decodes++;
      }
    }
    final int total = samples;
    final int decode = decodes;
    System.out.printf(Locale.ROOT, "%d samples; %d in the answer decode; samples per decode: %.2f%n",
        total, decode, decode == 0 ? Double.NaN : total / (double) decode);
    inclusive.entrySet().stream()
        .filter(en -> en.getKey().startsWith("dev.hedgekit") || en.getKey().startsWith("feign")
            || en.getKey().startsWith("org.apache.hc") || en.getKey().startsWith("okhttp3")
            || DECODE.contains(en.getKey()))
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(40)
        .forEach(en -> System.out.printf(Locale.ROOT, "%6d  %5.1f %%  %5.2f  %s%n", en.getValue(),
            100.0 * en.getValue() / total, decode == 0 ? Double.NaN : en.getValue() / (double) decode,
            en.getKey()));
  }
}
