package dev.hedgekit.posthog.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The loopback server, one per trial, in the benchmark's JVM. */
@State(Scope.Benchmark)
public class ServerState {

  public LoopbackServer server;
  public String baseUrl;

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = Fixtures.server();
    baseUrl = server.baseUrl();
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }
}
