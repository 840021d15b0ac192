package dev.hedgekit.posthog.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static dev.hedgekit.posthog.support.TestClients.assertNoKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.HttpLogLevel;
import dev.hedgekit.posthog.errors.PostHogException;
import dev.hedgekit.posthog.errors.UnauthorizedException;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP logging through System.Logger (backed by java.util.logging in tests). */
class LoggingTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAGS = TestApi.flagsPath(1);
  private static final String FLAG = TestApi.flagPath(1, 7);

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private Logger jul;
  private Level previousLevel;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void install() {
    jul = Logger.getLogger("dev.hedgekit.posthog.http");
    previousLevel = jul.getLevel();
    jul.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    jul.addHandler(capture);
  }

  @AfterEach
  void uninstall() {
    jul.removeHandler(capture);
    jul.setLevel(previousLevel);
  }

  private List<String> lines() {
    List<String> out = new ArrayList<>();
    for (LogRecord r : records) {
      StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
      if (r.getParameters() != null) {
        for (Object p : r.getParameters()) {
          sb.append(' ').append(p);
        }
      }
      if (r.getThrown() != null) {
        sb.append(' ').append(r.getThrown());
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void fullLoggingRedactsTheKeyEverywhere() {
    wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":7,\"key\":\"beta-flag\"}")));
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"authentication_error\",\"detail\":\"Invalid token.\"}")));
    List<Throwable> failures = new ArrayList<>();
    try (PostHogClient client = TestClients.builder(wm, new RecordingSleeper())
        .httpLogging(HttpLogLevel.FULL).build()) {
      TestApi api = client.generated(TestApi.class);
      assertEquals(7, api.createFlag(1, Map.of("key", "beta-flag")).get("id"));
      failures.add(assertThrows(UnauthorizedException.class, () -> api.getFlag(1, 7)));
    }
    List<String> lines = lines();
    String all = String.join("\n", lines);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("---> POST " + wm.baseUrl() + FLAGS)), all);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("Authorization: Bearer [redacted]")), all);
    assertEquals(2, lines.stream().filter(l -> l.endsWith("Authorization: Bearer [redacted]")).count(), all);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("{\"key\":\"beta-flag\"}")), "request body: " + all);
    assertTrue(lines.stream().anyMatch(l -> l.matches(".*<--- HTTP 201 \\(\\d+ms\\)")), all);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("{\"id\":7,\"key\":\"beta-flag\"}")), "response body: " + all);
    assertTrue(lines.stream().anyMatch(l -> l.contains("<--- HTTP 401")), all);
    assertTrue(lines.stream().anyMatch(l -> l.endsWith("Invalid token.\"}")), "error body: " + all);
    for (LogRecord r : records) {
      assertEquals(Level.FINE, r.getLevel(), "System.Logger DEBUG maps to FINE");
      assertEquals("dev.hedgekit.posthog.http", r.getLoggerName());
    }
    for (String line : lines) {
      assertNoKey(line);
    }
    for (Throwable t : failures) {
      assertNoKey(t);
    }
  }

  @Test
  void aNetworkFailureIsLoggedWithoutTheKey() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (PostHogClient client = TestClients.builder(wm, new RecordingSleeper())
        .baseUrl("http://127.0.0.1:" + closedPort).maxRetries(1).httpLogging(HttpLogLevel.FULL).build()) {
      TestApi api = client.generated(TestApi.class);
      PostHogException e = assertThrows(PostHogException.class, () -> api.getFlag(1, 7));
      assertNoKey(e);
    }
    assertFalse(records.isEmpty(), "the request was logged");
    assertTrue(lines().stream().anyMatch(l -> l.endsWith("Authorization: Bearer [redacted]")));
    lines().forEach(TestClients::assertNoKey);
  }

  @Test
  void headersLevelOmitsBodiesAndNoneLogsNothing() {
    wm.stubFor(post(urlEqualTo(FLAGS)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":7,\"key\":\"beta-flag\"}")));
    try (PostHogClient client = TestClients.builder(wm, new RecordingSleeper())
        .httpLogging(HttpLogLevel.HEADERS).build()) {
      client.generated(TestApi.class).createFlag(1, Map.of("key", "beta-flag"));
    }
    String all = lines().stream().collect(Collectors.joining("\n"));
    assertTrue(all.contains("Authorization: Bearer [redacted]"), all);
    assertFalse(all.contains("beta-flag"), "no bodies at HEADERS: " + all);
    assertNoKey(all);

    records.clear();
    try (PostHogClient client = TestClients.builder(wm, new RecordingSleeper()).build()) {
      client.generated(TestApi.class).createFlag(1, Map.of("key", "beta-flag"));
    }
    assertEquals(List.of(), lines(), "logging is off by default");
  }
}
