package dev.hedgekit.posthog.bench.floors;

import static dev.hedgekit.posthog.bench.Fixtures.FLAG_PATH;
import static dev.hedgekit.posthog.bench.Fixtures.FLAG_READER;
import static dev.hedgekit.posthog.bench.Fixtures.FLAG_WRITER;
import static dev.hedgekit.posthog.bench.Fixtures.LIST_PATH;
import static dev.hedgekit.posthog.bench.Fixtures.LIST_READER;

import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.generated.model.PaginatedFeatureFlagList;
import java.io.IOException;

/**
 * A floor: one general-purpose HTTP client (or a bare socket) used directly, making the same
 * calls as the SDK (same headers, same bodies) and decoding the answers with plain Jackson
 * into the same generated models. Thread-safe unless noted.
 */
public abstract class Floor implements AutoCloseable {

  /** The floors, by the name used in the benchmarks' {@code client} parameter. */
  public static Floor create(String name, String baseUrl, int maxConnections) {
    switch (name) {
      case "socket":
        return new RawSocketFloor(baseUrl);
      case "urlconnection":
        return new UrlConnectionFloor(baseUrl);
      case "jdkhttp":
        return new JdkHttpFloor(baseUrl);
      case "okhttp":
        return new OkHttpFloor(baseUrl, maxConnections);
      case "apache":
        return new ApacheFloor(baseUrl, maxConnections);
      default:
        throw new IllegalArgumentException("unknown floor client " + name);
    }
  }

  /** GETs a path and returns the body of a 2xx answer. */
  protected abstract byte[] get(String path) throws IOException;

  /** POSTs a JSON body and returns the body of a 2xx answer. */
  protected abstract byte[] post(String path, byte[] json) throws IOException;

  public FeatureFlag getFlag() throws IOException {
    return FLAG_READER.readValue(get(FLAG_PATH));
  }

  public PaginatedFeatureFlagList list() throws IOException {
    return LIST_READER.readValue(get(LIST_PATH));
  }

  public FeatureFlag create(FeatureFlag flag) throws IOException {
    return FLAG_READER.readValue(post(LIST_PATH, FLAG_WRITER.writeValueAsBytes(flag)));
  }

  @Override
  public abstract void close();

  static IOException status(int code) {
    return new IOException("unexpected status " + code);
  }
}
