package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.api.FeatureFlagsApi.FeatureFlagsListQuery;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;
import dev.hedgekit.posthog.pagination.Page;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 2. A list of 100 flags (~100 KB of JSON) decoded to typed models, the same ways as
 * {@link SmallGet}. The action answers a JSON tree (that is what {@code execute} returns).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dhttp.maxConnections=64"})
public class ListHundred {

  /** The facade's typed method: {@code client.project().featureFlags().list()}. */
  @Benchmark
  public Page<FeatureFlag> sdkTyped(SdkState s) {
    return s.client.project().featureFlags().list();
  }

  /** {@code client.toolkit().execute("POSTHOG_LIST_AND_MANAGE_PROJECT_FEATURE_FLAGS", params)}: a JSON tree. */
  @Benchmark
  public JsonNode sdkActions(SdkState s) {
    return SdkState.ok(s.client.toolkit().execute(Fixtures.SLUG_LIST, s.listParams)).data();
  }

  /** The generated interface: {@code client.generated(FeatureFlagsApi.class)}. */
  @Benchmark
  public PaginatedFeatureFlagList sdkGenerated(SdkState s) {
    return s.api.featureFlagsList(Fixtures.PROJECT, new FeatureFlagsListQuery());
  }

  /** A floor: the same call with a client used directly and plain Jackson. */
  @Benchmark
  public PaginatedFeatureFlagList floor(FloorState f) throws IOException {
    return f.floor.list();
  }
}
