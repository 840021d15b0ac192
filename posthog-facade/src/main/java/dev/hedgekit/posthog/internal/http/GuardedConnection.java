package dev.hedgekit.posthog.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * A pooled HTTP/1.1 connection that is never reused once its framing is in doubt. When a
 * response body ends and bytes are already waiting behind it (a server that sent more than it
 * declared, or a second response nobody asked for), the connection is closed, so no later call
 * can read another call's response. An idle connection is also stale when data arrived on it
 * while it sat in the pool, or when the server closed it.
 */
final class GuardedConnection extends DefaultBHttpClientConnection
    implements ManagedHttpClientConnection {

  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile SessionInputBuffer received;
  private Timeout socketTimeout;

  GuardedConnection(Http1Config config) {
    // The response parser gets the limits too: it is what counts header lines.
    super(config, null, null, null, null, null, null,
        new DefaultHttpResponseParserFactory(config));
  }

  @Override
  protected InputStream createContentInputStream(long length, SessionInputBuffer buffer,
      InputStream in) {
    received = buffer;
    InputStream body = super.createContentInputStream(length, buffer, in);
    return new java.io.FilterInputStream(body) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
          checkNothingBehind();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
          checkNothingBehind();
        }
        return n;
      }
    };
  }

  /** At the end of a body: bytes already waiting mean the stream is out of step; drop it. */
  private void checkNothingBehind() {
    SessionInputBuffer buffer = received;
    int waiting = buffer == null ? 0 : buffer.length();
    if (waiting == 0) {
      Socket s = getSocket();
      try {
        waiting = s == null || s instanceof SSLSocket ? 0 : s.getInputStream().available();
      } catch (IOException e) {
        waiting = 1;
      }
    }
    if (waiting > 0) {
      close(CloseMode.IMMEDIATE);
    }
  }

  @Override
  public boolean isStale() throws IOException {
    boolean stale = super.isStale();
    SessionInputBuffer buffer = received;
    return stale || (buffer != null && buffer.length() > 0);
  }

  @Override
  public void bind(SocketHolder holder) throws IOException {
    if (closed.get()) {
      holder.getSocket().close();
      throw new InterruptedIOException("connection already shut down");
    }
    super.bind(holder);
    socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
  }

  @Override
  public void bind(Socket socket) throws IOException {
    bind(new SocketHolder(socket));
  }

  @Override
  public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
    bind(new SocketHolder(sslSocket, socket));
  }

  @Override
  public Socket getSocket() {
    SocketHolder holder = getSocketHolder();
    return holder == null ? null : holder.getSocket();
  }

  @Override
  public SSLSession getSSLSession() {
    Socket s = getSocket();
    return s instanceof SSLSocket ? ((SSLSocket) s).getSession() : null;
  }

  @Override
  public void setSocketTimeout(Timeout timeout) {
    super.setSocketTimeout(timeout);
    socketTimeout = timeout;
  }

  @Override
  public void passivate() {
    super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
  }

  @Override
  public void activate() {
    super.setSocketTimeout(socketTimeout);
  }

  @Override
  public void close() throws IOException {
    if (closed.compareAndSet(false, true)) {
      super.close();
    }
  }

  @Override
  public void close(CloseMode mode) {
    if (closed.compareAndSet(false, true)) {
      super.close(mode);
    }
  }
}
