package dev.hedgekit.posthog.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.generated.model.FeatureFlag;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;

/**
 * One fresh JVM of the {@link Startup} harness: does one thing and prints {@code DONE} (with
 * the nanoseconds since its {@code main} began) as soon as its call has completed.
 *
 * <pre>
 * java -cp benchmarks.jar dev.hedgekit.posthog.bench.StartupChild floor|sdkTyped|sdkToolkit|train BASE_URL
 * </pre>
 *
 * <ul>
 *   <li>{@code floor}: {@link HttpURLConnection} and a Jackson {@link ObjectMapper} configured
 *       only as these models need (java.time, unknown fields ignored) decode the flag into the
 *       generated {@link FeatureFlag}.</li>
 *   <li>{@code sdkTyped}: build the client as an application would (defaults, so client-side
 *       rate limiting on) and make the first typed call.</li>
 *   <li>{@code sdkToolkit}: build the client and run the first action by slug through
 *       {@code client.toolkit().execute(...)}.</li>
 *   <li>{@code train}: the three above in one JVM, to record a class-data archive that serves
 *       all three alike ({@link Startup}'s {@code --train-cds}).</li>
 * </ul>
 *
 * <p>Only compile-time constants of {@link Fixtures} are used (inlined by javac), so its
 * fixtures are never built in the child.
 */
public final class StartupChild {

  private StartupChild() {
  }

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    String variant = args[0];
    String baseUrl = args[1];
    switch (variant) {
      case "floor":
        Floor.run(baseUrl, t0);
        break;
      case "sdkTyped":
        Typed.run(baseUrl, t0);
        break;
      case "sdkToolkit":
        Toolkit.run(baseUrl, t0);
        break;
      case "train":
        // All three in one JVM, for -XX:ArchiveClassesAtExit (see Startup).
        Floor.run(baseUrl, t0);
        Typed.run(baseUrl, t0);
        Toolkit.run(baseUrl, t0);
        break;
      default:
        throw new IllegalArgumentException("variant: floor, sdkTyped, sdkToolkit or train");
    }
  }

  static void done(long t0) {
    long inMain = System.nanoTime() - t0;
    System.out.println("DONE " + inMain);
    System.out.flush();
  }

  /** (a) HttpURLConnection and plain Jackson. */
  static final class Floor {
    static void run(String baseUrl, long t0) throws IOException {
      ObjectMapper mapper = JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();
      HttpURLConnection c = (HttpURLConnection) new URL(baseUrl + Fixtures.FLAG_PATH).openConnection();
      c.setRequestProperty("Authorization", "Bearer " + Fixtures.API_KEY);
      c.setRequestProperty("Accept", "application/json");
      int code = c.getResponseCode();
      if (code != 200) {
        throw new IOException("status " + code);
      }
      FeatureFlag f;
      try (InputStream in = c.getInputStream()) {
        f = mapper.readValue(in, FeatureFlag.class);
      }
      check(f);
      done(t0);
    }
  }

  /** (b) The SDK's typed call. */
  static final class Typed {
    static void run(String baseUrl, long t0) {
      try (PostHogClient client = PostHogClient.builder().apiKey(Fixtures.API_KEY).baseUrl(baseUrl)
          .projectId(Fixtures.PROJECT).build()) {
        check(client.project().featureFlags().get(Fixtures.FLAG_ID));
        done(t0);
      }
    }
  }

  /** (c) The SDK's toolkit, an action by slug. */
  static final class Toolkit {
    static void run(String baseUrl, long t0) {
      try (PostHogClient client = PostHogClient.builder().apiKey(Fixtures.API_KEY).baseUrl(baseUrl)
          .projectId(Fixtures.PROJECT).build()) {
        ToolResult r = client.toolkit().execute(Fixtures.SLUG_GET, Map.of("project_id", 1, "id", 7));
        if (!r.successful() || r.data().path("id").asLong() != Fixtures.FLAG_ID) {
          throw new IllegalStateException("action failed: " + r.toJsonString());
        }
        done(t0);
      }
    }
  }

  private static void check(FeatureFlag f) {
    if (f == null || f.getId() == null || f.getId() != Fixtures.FLAG_ID) {
      throw new IllegalStateException("unexpected flag");
    }
  }
}
