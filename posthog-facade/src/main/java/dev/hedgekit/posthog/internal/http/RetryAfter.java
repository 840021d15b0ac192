package dev.hedgekit.posthog.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Reads a {@code Retry-After} header: whole seconds ({@code 7}) or an HTTP date
 * ({@code Wed, 21 Oct 2026 07:28:00 GMT}) taken relative to the client's clock.
 */
final class RetryAfter {

  private RetryAfter() {
  }

  /**
   * @return the wait, never negative, or null if the header is absent or unreadable
   */
  static Duration parse(Map<String, Collection<String>> headers, Clock clock) {
    String value = first(headers, "Retry-After");
    if (value == null) {
      return null;
    }
    value = value.trim();
    if (value.isEmpty()) {
      return null;
    }
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), when.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String first(Map<String, Collection<String>> headers, String name) {
    for (Map.Entry<String, Collection<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
        return h.getValue().iterator().next();
      }
    }
    return null;
  }
}
