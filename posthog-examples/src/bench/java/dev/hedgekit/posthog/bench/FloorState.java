package dev.hedgekit.posthog.bench;

import dev.hedgekit.posthog.bench.floors.Floor;
import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One floor client shared by every benchmark thread (the bare socket keeps one connection per
 * thread). {@code client}: socket = the physical floor; the others are general-purpose clients.
 */
@State(Scope.Benchmark)
public class FloorState {

  @Param({"socket", "urlconnection", "jdkhttp", "okhttp", "apache"})
  public String client;

  public Floor floor;

  @Setup(Level.Trial)
  public void setup(ServerState server) throws IOException {
    floor = Floor.create(client, server.baseUrl, 64);
    SdkState.check(floor.getFlag());
    if (floor.list().getResults().size() != 100) {
      throw new IllegalStateException("list did not decode 100 flags");
    }
    SdkState.check(floor.create(Fixtures.NEW_FLAG));
  }

  @TearDown(Level.Trial)
  public void close() {
    floor.close();
  }
}
