package dev.hedgekit.posthog.reliability;

import static dev.hedgekit.posthog.support.TestClients.API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hedgekit.posthog.PostHogClient;
import dev.hedgekit.posthog.config.RateLimits;
import dev.hedgekit.posthog.errors.PostHogIoException;
import dev.hedgekit.posthog.errors.ResponseTooLargeException;
import dev.hedgekit.posthog.support.TestApi;
import dev.hedgekit.posthog.toolkit.ToolResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Responses that never end or are far larger than any PostHog sends: each stops at the response
 * size limit with {@link ResponseTooLargeException}, reading stops at once (the server sees its
 * connection dropped long before it is done), and nothing runs out of memory. The build runs
 * this class in the JVM limited to 64 MB of heap (the {@code low-memory} surefire execution).
 * The limit here is 1 MB; the default (100 MB) and how a tree's size relates to its text are
 * documented in the README.
 */
@Tag("low-memory")
class OversizedResponsesTest {

  /**
   * A JSON tree takes many times its text in memory (a million small numbers fill far more
   * than a megabyte of heap), so the limit is set low here to keep this JVM's 64 MB heap safe.
   */
  private static final long LIMIT = 1024L * 1024;
  private static final String FLAG = TestApi.flagPath(1, 7);

  private LoopbackServer server;
  /** Bytes the server managed to write before the client dropped the connection. */
  private final AtomicLong written = new AtomicLong();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private PostHogClient client() {
    return PostHogClient.builder().apiKey(API_KEY).baseUrl(server.baseUrl())
        .rateLimits(RateLimits.off()).maxRetries(0).maxResponseBytes(LIMIT).build();
  }

  /** Writes a JSON array of numbers without end (until the client goes away). */
  private void endlessArray(OutputStream out, boolean chunked) throws IOException {
    byte[] piece = new byte[64 * 1024];
    Arrays.fill(piece, (byte) '1');
    for (int i = 1; i < piece.length; i += 2) {
      piece[i] = ',';
    }
    write(out, "[", chunked);
    for (long sent = 0; sent < 4L * 1024 * 1024 * 1024; sent += piece.length) {
      write(out, piece, chunked);
      written.addAndGet(piece.length);
    }
  }

  private static void write(OutputStream out, String text, boolean chunked) throws IOException {
    write(out, text.getBytes(StandardCharsets.US_ASCII), chunked);
  }

  private static void write(OutputStream out, byte[] data, boolean chunked) throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      out.write(data);
    }
    out.flush();
  }

  private void assertStoppedEarly() {
    assertTrue(written.get() < 64L * 1024 * 1024,
        "the client kept reading: the server wrote " + written.get() + " bytes");
  }

  @Test
  @Timeout(30)
  void anEndlessChunkedBodyStopsAtTheLimit() throws Exception {
    server = LoopbackServer.start(ex -> {
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      endlessArray(ex.raw(), true);
    });
    try (PostHogClient client = client()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
      assertEquals(LIMIT, e.limit());
      assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
      assertTrue(e.getMessage().contains("POSTHOG_MAX_RESPONSE_BYTES"), e.getMessage());
    }
    assertStoppedEarly();
  }

  @Test
  @Timeout(30)
  void aBodyReadUntilCloseStopsAtTheLimit() throws Exception {
    server = LoopbackServer.start(ex -> {
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
      endlessArray(ex.raw(), false);
      ex.closeConnection();
    });
    try (PostHogClient client = client()) {
      assertThrows(ResponseTooLargeException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
    }
    assertStoppedEarly();
  }

  @Test
  @Timeout(30)
  void aDeclaredLengthOverTheLimitIsRefusedBeforeReadingIt() throws Exception {
    // Three gigabytes announced: more than an int can count, refused without reading a byte.
    server = LoopbackServer.start(ex -> {
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
          + (3L * 1024 * 1024 * 1024) + "\r\n\r\n");
      endlessArray(ex.raw(), false);
    });
    try (PostHogClient client = client()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
      assertTrue(e.getMessage().contains("3221225472 bytes declared or read"), e.getMessage());
    }
    assertStoppedEarly();
  }

  @Test
  @Timeout(30)
  void aCompressionBombStopsAtTheLimitAfterDecompression() throws Exception {
    // One megabyte on the wire that inflates to a gigabyte.
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1024 * 1024];
      Arrays.fill(zeros, (byte) ' ');
      gz.write('[');
      for (int i = 0; i < 1024; i++) {
        gz.write(zeros);
      }
    }
    byte[] bomb = zipped.toByteArray();
    assertTrue(bomb.length < 2 * 1024 * 1024, "the bomb is small on the wire: " + bomb.length);
    server = LoopbackServer.start(ex -> ex.respond(200, "application/json", bomb,
        "Content-Encoding: gzip"));
    try (PostHogClient client = client()) {
      assertThrows(ResponseTooLargeException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
    }
    assertTrue(server.requestLines().get(0).startsWith("GET "), "the client asked once");
  }

  @Test
  @Timeout(30)
  void endlessHeaderLinesFailTheCallWithoutExhaustingMemory() throws Exception {
    server = LoopbackServer.start(ex -> {
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
      byte[] header = ("X-Filler: " + "a".repeat(100) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 5_000_000; i++) {
        ex.raw().write(header);
        written.addAndGet(header.length);
      }
    });
    try (PostHogClient client = client()) {
      PostHogIoException e = assertThrows(PostHogIoException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
      assertTrue(e.getMessage().toLowerCase().contains("header"), e.getMessage());
    }
    assertStoppedEarly();
  }

  @Test
  @Timeout(30)
  void aLongHeaderLineFailsTheCallToo() throws Exception {
    server = LoopbackServer.start(ex -> {
      ex.writeRaw("HTTP/1.1 200 OK\r\nX-Long: ");
      byte[] a = new byte[64 * 1024];
      Arrays.fill(a, (byte) 'a');
      for (int i = 0; i < 1024; i++) {
        ex.raw().write(a);
        written.addAndGet(a.length);
      }
    });
    try (PostHogClient client = client()) {
      assertThrows(PostHogIoException.class,
          () -> client.generated(TestApi.class).getFlagJson(1, 7));
    }
    assertStoppedEarly();
  }

  @Test
  @Timeout(30)
  void theToolkitReturnsAFailedEnvelopeForAnOversizedResponse() throws Exception {
    server = LoopbackServer.start(ex -> {
      ex.writeRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      endlessArray(ex.raw(), true);
    });
    try (PostHogClient client = client()) {
      ToolResult r = client.toolkit().execute("POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS",
          Map.of("project_id", "1", "id", 7));
      assertFalse(r.successful());
      assertInstanceOf(ResponseTooLargeException.class, r.exception().orElseThrow());
      assertTrue(r.error().message().contains("response size limit"), r.error().message());
    }
    assertStoppedEarly();
  }
}
