package dev.hedgekit.posthog.internal.http;

/**
 * Stands in for a parser's exception as the cause of an SDK exception when its message may
 * quote the response (Jackson quotes an unexpected token, which a server could make the API
 * key): same stack trace and kind, message with the key masked.
 */
final class ScrubbedCause extends Exception {

  private static final long serialVersionUID = 1L;

  private ScrubbedCause(String message) {
    super(message, null, false, true);
  }

  static ScrubbedCause of(Throwable original, SecretScrubber scrubber) {
    ScrubbedCause c = new ScrubbedCause(original.getClass().getName() + ": "
        + Messages.clean(scrubber.scrub(original.getMessage())));
    c.setStackTrace(original.getStackTrace());
    return c;
  }
}
