package dev.hedgekit.posthog.bench;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.toolkit.ToolResult;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One SDK client shared by every benchmark thread, as an application would share it. */
@State(Scope.Benchmark)
public class SdkState {

  public PostHogClient client;
  public FeatureFlagsApi api;
  public Map<String, Object> getParams;
  public Map<String, Object> listParams;
  public Map<String, Object> createParams;

  @Setup(Level.Trial)
  public void setup(ServerState server) {
    client = Fixtures.client(server.baseUrl);
    api = client.generated(FeatureFlagsApi.class);
    getParams = Fixtures.getParams();
    listParams = Fixtures.listParams();
    createParams = Fixtures.createParams();
    // Sanity: every path answers what the benchmark expects, so no benchmark times a failure.
    check(client.project().featureFlags().get(Fixtures.FLAG_ID));
    check(api.featureFlagsRetrieve(Fixtures.PROJECT, Fixtures.FLAG_ID));
    if (client.project().featureFlags().list().results().size() != 100
        || api.featureFlagsList(Fixtures.PROJECT, new FeatureFlagsListQuery()).getResults().size() != 100) {
      throw new IllegalStateException("list did not decode 100 flags");
    }
    check(client.project().featureFlags().create(Fixtures.NEW_FLAG));
    ok(client.toolkit().execute(Fixtures.SLUG_GET, getParams));
    if (ok(client.toolkit().execute(Fixtures.SLUG_LIST, listParams)).data().get("results").size() != 100) {
      throw new IllegalStateException("list action did not answer 100 flags");
    }
    ok(client.toolkit().execute(Fixtures.SLUG_CREATE, createParams));
  }

  static FeatureFlag check(FeatureFlag f) {
    if (f == null || f.getId() == null || f.getId() != Fixtures.FLAG_ID || f.getCreatedBy() == null) {
      throw new IllegalStateException("unexpected flag " + f);
    }
    return f;
  }

  /** @return r, after checking that it succeeded */
  public static ToolResult ok(ToolResult r) {
    if (!r.successful()) {
      throw new IllegalStateException(r.toJsonString());
    }
    return r;
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }
}
