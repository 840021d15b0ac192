package dev.hedgekit.posthog.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The SDK's name and version (filled in by the build) and the User-Agent built from them.
 */
public final class SdkInfo {

  private static final String NAME;
  private static final String VERSION;

  static {
    Properties p = new Properties();
    try (InputStream in = SdkInfo.class.getResourceAsStream("/dev/hedgekit/posthog/sdk.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to the defaults below
    }
    NAME = p.getProperty("sdk.name", "hedgekit-posthog-java");
    String v = p.getProperty("sdk.version", "unknown");
    VERSION = v.startsWith("${") ? "unknown" : v;
  }

  private SdkInfo() {
  }

  /** @return the SDK name */
  public static String name() {
    return NAME;
  }

  /** @return the SDK version */
  public static String version() {
    return VERSION;
  }

  /**
   * @return the User-Agent value, e.g. {@code hedgekit-posthog-java/0.1.0 (Java 17.0.15; Linux)}
   */
  public static String userAgent() {
    return NAME + "/" + VERSION + " (Java " + System.getProperty("java.version", "?") + "; "
        + System.getProperty("os.name", "?").replaceAll("[^A-Za-z0-9 ._-]", "")
        .toLowerCase(Locale.ROOT).replace(' ', '-') + ")";
  }
}
