package dev.hedgekit.posthog.bench;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.bench.floors.Floor;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
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
 * 5. Client construction and the first call after it, in a warm JVM (classes loaded and
 * compiled; each invocation builds a new client). Cold-JVM numbers are in {@link ColdStart}.
 * {@link #connect()} is the connection set-up the first call necessarily adds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dhttp.maxConnections=64"})
public class Construction {

  /** Holds the client a benchmark built, closed after each invocation (not timed). */
  @State(Scope.Thread)
  public static class Built {
    PostHogClient client;

    @TearDown(Level.Invocation)
    public void close() {
      if (client != null) {
        client.close();
        client = null;
      }
    }
  }

  /** A new client per invocation, built before it (not timed). */
  @State(Scope.Thread)
  public static class Fresh {
    PostHogClient client;

    @Setup(Level.Invocation)
    public void build(ServerState server) {
      client = Fixtures.client(server.baseUrl);
    }

    @TearDown(Level.Invocation)
    public void close() {
      client.close();
    }
  }

  /** A new floor client per invocation (those that have a client object to make). */
  @State(Scope.Thread)
  public static class FreshFloor {
    @Param({"socket", "okhttp", "apache"})
    public String client;
    Floor floor;

    @Setup(Level.Invocation)
    public void build(ServerState server) {
      floor = Floor.create(client, server.baseUrl, 64);
    }

    @TearDown(Level.Invocation)
    public void close() {
      floor.close();
    }
  }

  /** {@code PostHogClient.builder()...build()}. */
  @Benchmark
  public PostHogClient build(ServerState server, Built built) {
    built.client = Fixtures.client(server.baseUrl);
    return built.client;
  }

  /** The first call of a just-built client: connection set-up, proxy creation, the call. */
  @Benchmark
  public FeatureFlag firstCall(Fresh fresh) {
    return fresh.client.project().featureFlags().get(Fixtures.FLAG_ID);
  }

  /** The first call of a just-made floor client. */
  @Benchmark
  public FeatureFlag floorFirstCall(FreshFloor fresh) throws IOException {
    return fresh.floor.getFlag();
  }

  /** Connection set-up alone: a TCP connect to the server on loopback, then close. */
  @Benchmark
  public boolean connect(ServerState server) throws IOException {
    URI u = URI.create(server.baseUrl);
    try (Socket s = new Socket()) {
      s.setTcpNoDelay(true);
      s.connect(new InetSocketAddress(u.getHost(), u.getPort()));
      return s.isConnected();
    }
  }
}
