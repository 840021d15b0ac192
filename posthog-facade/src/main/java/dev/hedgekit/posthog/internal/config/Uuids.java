package dev.hedgekit.posthog.internal.config;

import java.util.regex.Pattern;

/** The shape of a UUID as PostHog accepts one in a path or filter: 8-4-4-4-12 hex digits. */
public final class Uuids {

  private static final Pattern SHAPE = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {
  }

  /**
   * @param text any text
   * @return whether it has the shape of a UUID (any case)
   */
  public static boolean isUuid(String text) {
    return SHAPE.matcher(text).matches();
  }
}
