package dev.hedgekit.posthog.internal.http;

/**
 * The path part of the absolute URLs the client sends: found by position, without parsing the
 * URL, since every one of them was built or checked by the client already.
 */
public final class Urls {

  private Urls() {
  }

  /**
   * @param url an absolute URL such as {@code https://us.posthog.com/api/projects/1/?limit=5}
   * @return the index of the {@code /} that starts its path, or -1 if it has none
   */
  static int pathStart(String url) {
    int scheme = url.indexOf("://");
    return scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  }

  /**
   * @param url an absolute URL
   * @return its path and query as sent ({@code /api/projects/1/?limit=5}), or the URL itself
   *     if it has no path
   */
  public static String pathOf(String url) {
    int slash = pathStart(url);
    return slash < 0 ? url : url.substring(slash);
  }
}
