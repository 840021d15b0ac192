package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
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
 * 1. A small GET: one feature flag (~1 KB of JSON) decoded to {@code FeatureFlag}, through the
 * SDK three ways and through each floor, one caller.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dhttp.maxConnections=64"})
public class SmallGet {

  /** The facade's typed method: {@code client.project().featureFlags().get(7)}. */
  @Benchmark
  public FeatureFlag sdkTyped(SdkState s) {
    return s.client.project().featureFlags().get(Fixtures.FLAG_ID);
  }

  /** {@code client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS", params)}: a JSON tree. */
  @Benchmark
  public JsonNode sdkActions(SdkState s) {
    return SdkState.ok(s.client.toolkit().execute(Fixtures.SLUG_GET, s.getParams)).data();
  }

  /** The generated interface: {@code client.generated(FeatureFlagsApi.class)}. */
  @Benchmark
  public FeatureFlag sdkGenerated(SdkState s) {
    return s.api.featureFlagsRetrieve(Fixtures.PROJECT, Fixtures.FLAG_ID);
  }

  /** A floor: the same call with a client used directly and plain Jackson. */
  @Benchmark
  public FeatureFlag floor(FloorState f) throws IOException {
    return f.floor.getFlag();
  }
}
