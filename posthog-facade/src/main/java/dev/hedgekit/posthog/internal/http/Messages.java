package dev.hedgekit.posthog.internal.http;

/**
 * Makes text that came from a server fit for an exception message: control characters (CR,
 * LF, ESC, ...) become spaces, and long text is cut, so a hostile or broken response can
 * neither forge log lines nor make a message megabytes long.
 */
public final class Messages {

  /** Longest server-provided text kept in a message. */
  public static final int MAX_TEXT = 500;

  private Messages() {
  }

  /**
   * @param text server-provided text, or null
   * @return the text without control characters, cut to {@value #MAX_TEXT} characters
   */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    int end = Math.min(text.length(), MAX_TEXT);
    StringBuilder sb = new StringBuilder(end + 16);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
    }
    if (text.length() > MAX_TEXT) {
      sb.append("... (").append(text.length() - MAX_TEXT).append(" more characters)");
    }
    return sb.toString();
  }
}
