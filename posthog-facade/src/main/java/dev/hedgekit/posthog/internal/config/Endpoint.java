package dev.hedgekit.posthog.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the client sends requests: a PostHog cloud region ({@code https://<subdomain>.posthog.com})
 * or the base URL of a self-hosted instance or local server. Immutable and already checked.
 */
public final class Endpoint {

  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(?:\\.\\d{1,3}){3}");

  private final URI base;
  private final boolean cloud;

  private Endpoint(URI base, boolean cloud) {
    this.base = base;
    this.cloud = cloud;
  }

  /**
   * The PostHog cloud host for a subdomain: {@code us}, {@code eu}, or {@code app} (the legacy
   * US alias).
   *
   * @param subdomain a single DNS label
   * @return the endpoint {@code https://<subdomain>.posthog.com}
   * @throws IllegalArgumentException if the subdomain is not one plain host label
   */
  public static Endpoint ofSubdomain(String subdomain) {
    if (subdomain == null || subdomain.isEmpty()) {
      throw new IllegalArgumentException("the subdomain is empty: use \"us\" or \"eu\"");
    }
    String s = subdomain.toLowerCase(Locale.ROOT);
    if (s.equals("us.i") || s.equals("eu.i")) {
      throw new IllegalArgumentException("the subdomain \"" + subdomain + "\" names PostHog's"
          + " event ingestion host; the management API is served from " + s.substring(0, 2)
          + ".posthog.com: use the subdomain \"" + s.substring(0, 2) + "\"");
    }
    if (!LABEL.matcher(s).matches()) {
      throw new IllegalArgumentException("the subdomain must be one host label such as \"us\""
          + " or \"eu\" (letters, digits and inner hyphens), was \"" + printable(subdomain)
          + "\"; for a full address (self-hosted, or " + printable(subdomain) + ") use"
          + " PostHogClientBuilder.baseUrl(...) or POSTHOG_HOST");
    }
    return new Endpoint(URI.create("https://" + s + ".posthog.com"), true);
  }

  /**
   * A self-hosted PostHog or a local server.
   *
   * @param baseUrl absolute http(s) URL, optionally with a path prefix; no user info, query or
   *     fragment
   * @param allowInsecureHttp whether plain http is allowed to a host that is not loopback
   * @return the endpoint
   * @throws IllegalArgumentException if the URL is not acceptable; the message says why
   */
  public static Endpoint ofBaseUrl(String baseUrl, boolean allowInsecureHttp) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("baseUrl is empty: pass an absolute URL such as"
          + " https://posthog.example.com");
    }
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URL (" + e.getReason()
          + " at index " + e.getIndex() + "): \"" + printable(baseUrl) + "\"");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme))) {
      throw new IllegalArgumentException("baseUrl must be an absolute http or https URL, was \""
          + printable(baseUrl) + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("baseUrl must not contain user info (user@host)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("baseUrl has no valid host: \"" + printable(baseUrl) + "\"");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not contain a query or fragment: \""
          + printable(baseUrl) + "\"");
    }
    String lowerHost = host.toLowerCase(Locale.ROOT);
    if (lowerHost.endsWith(".i.posthog.com")) {
      String region = lowerHost.startsWith("eu.") ? "eu" : "us";
      throw new IllegalArgumentException("the base URL " + scheme + "://" + host + " is PostHog's"
          + " event ingestion host, which does not serve the management API; use https://"
          + region + ".posthog.com (or the subdomain \"" + region + "\")");
    }
    if ("http".equals(scheme) && !isLoopback(host) && !allowInsecureHttp) {
      throw new IllegalArgumentException("the base URL uses plain http to " + host
          + ", which would send the API key unencrypted; use https, or allow it for a trusted"
          + " network with PostHogClientBuilder.allowInsecureHttp(true) or"
          + " POSTHOG_ALLOW_INSECURE_HTTP=true");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals("/api") || path.endsWith("/api")) {
      throw new IllegalArgumentException("the base URL ends with /api; give the instance's"
          + " address without it (e.g. " + scheme + "://" + uri.getRawAuthority()
          + path.substring(0, path.length() - 4) + "): the SDK adds /api/... itself");
    }
    String normalized = scheme + "://" + uri.getRawAuthority() + path;
    boolean cloud = host.toLowerCase(Locale.ROOT).endsWith(".posthog.com");
    return new Endpoint(URI.create(normalized), cloud);
  }

  /**
   * Whether a host is a loopback address: an IP literal in 127.0.0.0/8 or {@code ::1}, or the
   * name {@code localhost} itself (which resolvers must map to loopback). Other names, even
   * ones ending in {@code .localhost}, are not trusted to stay on this machine.
   *
   * @param host a host name or IP literal
   * @return true for loopback
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
  }

  /** @return the base URI, without a trailing slash */
  public URI uri() {
    return base;
  }

  /** @return the base URL text, without a trailing slash */
  public String url() {
    return base.toString();
  }

  /** @return whether this is a PostHog cloud host (*.posthog.com) */
  public boolean isCloud() {
    return cloud;
  }

  /**
   * Whether an absolute URL (for example a pagination {@code next} link) points at this
   * endpoint: same scheme, host and port, and under the base path.
   *
   * @param url the URL to check
   * @return true if it is safe to send the API key there
   */
  public boolean owns(URI url) {
    if (url == null || !url.isAbsolute() || url.getRawUserInfo() != null) {
      return false;
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals(base.getScheme()) || url.getHost() == null
        || !url.getHost().equalsIgnoreCase(base.getHost())) {
      return false;
    }
    if (effectivePort(url) != effectivePort(base)) {
      return false;
    }
    String prefix = base.getRawPath() == null ? "" : base.getRawPath();
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (hasDotSegment(path)) {
      return false;
    }
    return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /**
   * Whether a raw path has a {@code .} or {@code ..} segment, written plainly or
   * percent-encoded ({@code %2e}): such a path may resolve outside the base path once a
   * server or proxy normalizes it, so a link holding one is never followed.
   */
  private static boolean hasDotSegment(String rawPath) {
    for (String segment : rawPath.split("/", -1)) {
      String s = segment.replace("%2e", ".").replace("%2E", ".");
      if (s.equals(".") || s.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static int effectivePort(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /**
   * @param s text from the caller or a server
   * @return the text for a message: control characters escaped, cut after 120 characters
   */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    int limit = Math.min(s.length(), 120);
    for (int i = 0; i < limit; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (s.length() > limit) {
      sb.append("...");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return url();
  }
}
