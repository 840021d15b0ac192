package dev.hedgekit.posthog.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to the client's own origin skip parsing their URL; they must come out exactly as a
 * parsed URL would (scheme, authority, request target), and anything unusual must still be
 * parsed, and refused when invalid, as before.
 */
class RequestAddressingTest {

  private final ApacheTransport transport = new ApacheTransport("http://127.0.0.1:8080/base",
      Duration.ofSeconds(1), Duration.ofSeconds(1), 2, new Header[0], null);

  @AfterEach
  void close() {
    transport.close();
  }

  private void assertSameAsParsed(String url) throws Exception {
    HttpUriRequestBase direct = transport.newRequest("GET", url);
    HttpUriRequestBase parsed = new HttpUriRequestBase("GET", URI.create(url));
    assertEquals(parsed.getScheme(), direct.getScheme(), url);
    assertEquals(parsed.getAuthority(), direct.getAuthority(), url);
    assertEquals(parsed.getPath(), direct.getPath(), url);
    assertEquals(parsed.getRequestUri(), direct.getRequestUri(), url);
    assertEquals(parsed.getUri(), direct.getUri(), url);
  }

  @Test
  void ownOriginUrlsComeOutAsParsedOnes() throws Exception {
    assertSameAsParsed("http://127.0.0.1:8080/base/api/projects/1/feature_flags/7/");
    assertSameAsParsed("http://127.0.0.1:8080/base/api/projects/..%2F..%2Fx/?search=a%26b%3Dc&limit=5");
    assertSameAsParsed("http://127.0.0.1:8080/api/x/?cursor=cD0yMDI0LTAx&a=(1)*!$'+,;:@~");
    assertSameAsParsed("http://127.0.0.1:8080/");
  }

  @Test
  void otherUrlsAreParsed() throws Exception {
    // Another host, another port, another scheme, a longer host sharing the prefix.
    assertSameAsParsed("http://localhost:8080/api/x/");
    assertSameAsParsed("http://127.0.0.1:8081/api/x/");
    assertSameAsParsed("https://127.0.0.1:8080/api/x/");
    assertThrows(IllegalArgumentException.class,
        () -> transport.newRequest("GET", "http://127.0.0.1:80800/api/x/"));
    // Characters that may not stand unescaped, a fragment, a broken escape: parsed, so refused.
    assertThrows(IllegalArgumentException.class,
        () -> transport.newRequest("GET", "http://127.0.0.1:8080/api/a b/"));
    assertThrows(IllegalArgumentException.class,
        () -> transport.newRequest("GET", "http://127.0.0.1:8080/api/x/?q=%zz"));
    assertThrows(IllegalArgumentException.class,
        () -> transport.newRequest("GET", "http://127.0.0.1:8080/api/{x}/"));
    assertSameAsParsed("http://127.0.0.1:8080/api/x/#frag");
    assertSameAsParsed("http://127.0.0.1:8080/api/caf%C3%A9/");
  }
}
