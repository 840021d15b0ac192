package dev.hedgekit.posthog.internal.config;

/**
 * How long the values that travel in a request URL may be. Path and query values are
 * percent-encoded (every UTF-8 byte outside {@code A-Z a-z 0-9 - . _ ~} takes three
 * characters), and proxies and load balancers in front of an API commonly refuse request
 * lines beyond 8 to 16 KB, so an over-long value would fail late and obscurely (or be cut).
 * The SDK refuses it before anything is sent, with an {@link IllegalArgumentException} that
 * names the parameter:
 *
 * <ul>
 *   <li>one path or query value: at most {@value #MAX_VALUE_LENGTH} characters once
 *       percent-encoded (8,192 ASCII letters or digits; about 2,700 accented letters; about
 *       680 emoji);</li>
 *   <li>the whole request URL (base URL, path and query, encoded): at most
 *       {@value #MAX_URL_LENGTH} characters.</li>
 * </ul>
 *
 * <p>Request bodies have no such limit: large texts (a notebook's content, a long HogQL
 * query) belong there and are sent intact.
 */
public final class UrlLimits {

  /** Longest path or query value, in characters after percent-encoding. */
  public static final int MAX_VALUE_LENGTH = 8192;

  /** Longest request URL, in characters after percent-encoding. */
  public static final int MAX_URL_LENGTH = 16384;

  private UrlLimits() {
  }

  /**
   * The length of a value once percent-encoded as the SDK sends it (unreserved ASCII
   * characters as they are, every other UTF-8 byte as {@code %XX}), counted without building
   * the encoded text.
   *
   * @param value the raw value
   * @return its encoded length
   */
  public static long encodedLength(CharSequence value) {
    long n = 0;
    boolean onlyDots = value.length() > 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '.') {
        onlyDots = false;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        n += 1;
      } else if (c < 0x80) {
        n += 3;
      } else if (c < 0x800) {
        n += 6;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        n += 12;
        i++;
      } else {
        n += 9;
      }
    }
    return onlyDots ? n * 3 : n;
  }

  /**
   * Checks a value that will travel in the URL.
   *
   * @param name the parameter name, for the message
   * @param where {@code "path parameter"} or {@code "query parameter"}, for the message
   * @param value the raw value (null passes: null values are not sent)
   * @throws IllegalArgumentException if the encoded value is longer than
   *     {@value #MAX_VALUE_LENGTH} characters
   */
  public static void checkValue(String name, String where, CharSequence value) {
    String problem = valueProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(name + " (" + where + ") " + problem);
    }
  }

  /**
   * The problem with a value that will travel in the URL, for callers that collect problems.
   *
   * @param value the raw value (null has none)
   * @return for example {@code "is too long for a URL: ..."}, or null when it fits
   */
  public static String valueProblem(CharSequence value) {
    if (value == null || value.length() * 1L <= MAX_VALUE_LENGTH / 12) {
      return null;
    }
    long encoded = encodedLength(value);
    if (encoded <= MAX_VALUE_LENGTH) {
      return null;
    }
    return "is too long for a URL: " + value.length() + " characters, " + encoded
        + " once percent-encoded; path and query values are limited to " + MAX_VALUE_LENGTH
        + " (send large values in a request body)";
  }

  /**
   * Checks a complete, already encoded request URL just before it is sent: each query value
   * and path segment against {@link #MAX_VALUE_LENGTH}, then the whole URL against
   * {@link #MAX_URL_LENGTH}. This catches what the layers that know the parameter names did
   * not check (query objects of the typed API, pagination links); the message names the query
   * parameter, or the segment's position in the path.
   *
   * @param method the HTTP method, for the message
   * @param url the absolute URL as it would be sent
   * @throws IllegalArgumentException if a value or the URL is too long
   */
  public static void checkUrl(String method, String url) {
    if (url.length() <= MAX_VALUE_LENGTH) {
      return;
    }
    int scheme = url.indexOf("://");
    int pathStart = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    int q = url.indexOf('?');
    String path = pathStart < 0 ? "" : url.substring(pathStart, q < 0 ? url.length() : q);
    String[] segments = path.split("/", -1);
    StringBuilder shown = new StringBuilder();
    for (int i = 1; i < segments.length; i++) {
      shown.append('/').append(segments[i].length() > MAX_VALUE_LENGTH
          ? "{" + segments[i].length() + " characters}" : segments[i]);
    }
    String where = method + " " + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown);
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException("path segment " + i + " of " + where + " is too long"
            + " for a URL: " + segments[i].length() + " characters once percent-encoded; path"
            + " and query values are limited to " + MAX_VALUE_LENGTH
            + " (send large values in a request body)");
      }
    }
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        int length = eq < 0 ? 0 : pair.length() - eq - 1;
        if (length > MAX_VALUE_LENGTH) {
          throw new IllegalArgumentException("query parameter '" + shorten(name) + "' of " + where
              + " is too long for a URL: " + length + " characters once percent-encoded; path"
              + " and query values are limited to " + MAX_VALUE_LENGTH
              + " (send large values in a request body)");
        }
      }
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException("the URL of " + where + " is too long: "
          + url.length() + " characters with its query; request URLs are limited to "
          + MAX_URL_LENGTH + " (send large values in a request body)");
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
