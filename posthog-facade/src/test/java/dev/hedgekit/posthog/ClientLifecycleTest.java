package dev.hedgekit.posthog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.hedgekit.posthog.config.RequestOptions;
import dev.hedgekit.posthog.support.RecordingSleeper;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.support.TestClients;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientLifecycleTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  private static final String FLAG = TestApi.flagPath(1, 7);

  @BeforeEach
  void stub() {
    wm.stubFor(get(urlEqualTo(FLAG)).willReturn(okJson("{\"id\":7}")));
  }

  private static Set<Thread> posthogThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("posthog-"))
        .collect(Collectors.toSet());
  }

  @Test
  void callsAfterCloseFailWithIllegalStateException() {
    PostHogClient client = TestClients.builder(wm, new RecordingSleeper()).build();
    TestApi before = client.generated(TestApi.class);
    assertEquals(7, before.getFlag(1, 7).get("id"));
    client.close();
    assertTrue(TestAccess.core(client).isClosed());

    List<IllegalStateException> failures = List.of(
        assertThrows(IllegalStateException.class, () -> client.generated(TestApi.class)),
        assertThrows(IllegalStateException.class,
            () -> before.getFlag(1, 7)),
        assertThrows(IllegalStateException.class,
            () -> client.async(ignored -> before.getFlag(1, 7))),
        assertThrows(IllegalStateException.class, () -> before.getFlag(1, 7)));
    for (IllegalStateException e : failures) {
      assertEquals("this PostHogClient is closed", e.getMessage());
    }
    wm.verify(1, getRequestedFor(urlEqualTo(FLAG)));
  }

  @Test
  void closingTwiceIsHarmless() {
    PostHogClient client = TestClients.builder(wm, new RecordingSleeper()).build();
    client.generated(TestApi.class).getFlag(1, 7);
    client.close();
    assertDoesNotThrow(client::close);
    assertTrue(TestAccess.core(client).isClosed());
  }

  @Test
  void noClientThreadSurvivesClose() throws Exception {
    Set<Thread> before = posthogThreads();
    PostHogClient client = TestClients.builder(wm, new RecordingSleeper()).build();
    TestApi api = client.generated(TestApi.class);
    api.getFlag(1, 7);
    assertEquals(7, client.async(ignored -> api.getFlag(1, 7))
        .get(5, TimeUnit.SECONDS).get("id"));
    Set<Thread> started = posthogThreads();
    started.removeAll(before);
    List<String> names = started.stream().map(Thread::getName).sorted().collect(Collectors.toList());
    assertTrue(names.contains("posthog-deadline-watchdog"), "threads while open: " + names);
    assertTrue(names.stream().anyMatch(n -> n.startsWith("posthog-async-")), "threads while open: " + names);

    client.close();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
    Set<Thread> alive;
    do {
      alive = posthogThreads();
      alive.removeAll(before);
      if (alive.isEmpty()) {
        break;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    assertEquals(Set.of(), alive.stream().map(Thread::getName).collect(Collectors.toSet()),
        "threads still alive after close");
    assertFalse(started.stream().anyMatch(Thread::isAlive));
  }
}
