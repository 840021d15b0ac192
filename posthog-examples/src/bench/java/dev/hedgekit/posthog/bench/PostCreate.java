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
 * 3. A POST of a ~2 KB JSON body (create a flag); the answer is a ~1 KB flag, decoded.
 * The floors serialize the same {@code FeatureFlag} with plain Jackson.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dhttp.maxConnections=64"})
public class PostCreate {

  /** The facade's typed method: {@code client.project().featureFlags().create(flag)}. */
  @Benchmark
  public FeatureFlag sdkTyped(SdkState s) {
    return s.client.project().featureFlags().create(Fixtures.NEW_FLAG);
  }

  /** {@code client.toolkit().execute("POSTHOG_CREATE_FEATURE_FLAGS_FOR_PROJECT", params)}: a JSON tree. */
  @Benchmark
  public JsonNode sdkActions(SdkState s) {
    return SdkState.ok(s.client.toolkit().execute(Fixtures.SLUG_CREATE, s.createParams)).data();
  }

  /** The generated interface: {@code client.generated(FeatureFlagsApi.class)}. */
  @Benchmark
  public FeatureFlag sdkGenerated(SdkState s) {
    return s.api.featureFlagsCreate(Fixtures.PROJECT, Fixtures.NEW_FLAG);
  }

  /** A floor: the same call with a client used directly and plain Jackson. */
  @Benchmark
  public FeatureFlag floor(FloorState f) throws IOException {
    return f.floor.create(Fixtures.NEW_FLAG);
  }
}
