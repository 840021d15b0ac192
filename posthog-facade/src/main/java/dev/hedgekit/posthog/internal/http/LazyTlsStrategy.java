package dev.hedgekit.posthog.internal.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's default TLS strategy ({@link DefaultClientTlsStrategy#createDefault()}: the
 * JDK's default SSL context and trust store, hostname verification against the public suffix
 * list), made on the first TLS connection instead of when the client is built. Making it
 * loads the trust store and the public suffix list, about half of a cold {@code build()};
 * a client that is built but not used, or used only over loopback http, never pays for it.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

  private volatile TlsSocketStrategy delegate;

  private TlsSocketStrategy delegate() {
    TlsSocketStrategy d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          d = DefaultClientTlsStrategy.createDefault();
          delegate = d;
        }
      }
    }
    return d;
  }

  @Override
  public SSLSocket upgrade(Socket socket, String target, int port, Object attachment,
      HttpContext context) throws IOException {
    return delegate().upgrade(socket, target, port, attachment, context);
  }
}
