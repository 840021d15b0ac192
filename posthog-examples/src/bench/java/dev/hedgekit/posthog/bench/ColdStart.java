package dev.hedgekit.posthog.bench;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.bench.floors.Floor;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 5. Construction and first call in a fresh JVM: one shot per fork, ten forks. Run on its own
 * (its iteration settings are part of what it measures; do not override -wi/-i/-f for it).
 *
 * <p>{@link #build()} is the first thing the JVM does after JMH's own start-up: it touches no
 * fixture, so not even Jackson is loaded before it. The first-call benchmarks need the server,
 * whose canned answers are made with Jackson before the timed call, so Jackson's core classes
 * are already loaded there, for the SDK and the floors alike.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ColdStart {

  /** Where the cold build points; nothing is sent there. */
  private static final String UNUSED_URL = "http://127.0.0.1:9";
  private static final String KEY = "phx_benchmark0000000000000000000000000000000000";

  @State(Scope.Thread)
  public static class Built {
    PostHogClient client;

    @TearDown(Level.Trial)
    public void close() {
      client.close();
    }
  }

  @State(Scope.Thread)
  public static class Fresh {
    PostHogClient client;

    @Setup(Level.Trial)
    public void build(ServerState server) {
      client = Fixtures.client(server.baseUrl);
    }

    @TearDown(Level.Trial)
    public void close() {
      client.close();
    }
  }

  @State(Scope.Thread)
  public static class FreshFloor {
    @Param({"socket", "jdkhttp", "okhttp", "apache"})
    public String client;
    Floor floor;

    @Setup(Level.Trial)
    public void build(ServerState server) {
      floor = Floor.create(client, server.baseUrl, 64);
    }

    @TearDown(Level.Trial)
    public void close() {
      floor.close();
    }
  }

  /** {@code build()} as the first thing in a fresh JVM. */
  @Benchmark
  public PostHogClient build(Built built) {
    built.client = PostHogClient.builder().apiKey(KEY).baseUrl(UNUSED_URL).build();
    return built.client;
  }

  /** The first call of a client built (untimed) just before, in a fresh JVM. */
  @Benchmark
  public FeatureFlag firstCall(Fresh fresh) {
    return fresh.client.project().featureFlags().get(Fixtures.FLAG_ID);
  }

  /** The first call of a floor client made (untimed) just before, in a fresh JVM. */
  @Benchmark
  public FeatureFlag floorFirstCall(FreshFloor fresh) throws IOException {
    return fresh.floor.getFlag();
  }
}
