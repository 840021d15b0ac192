package dev.hedgekit.posthog.toolkit;

/**
 * A tool set is larger than the provider accepts in one request (OpenAI: 128 tools). Thrown
 * by {@link ToolSet#toolDefinitions(ToolFormat)} instead of handing out definitions that the
 * provider would refuse at request time. The message says how many tools were selected, the
 * limit, and how to get under it.
 */
public final class ToolLimitExceededException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The provider format the definitions were asked for (not serialized). */
  private final transient ToolFormat format;
  /** How many tools the selection holds. */
  private final int count;
  /** How many tools the provider accepts. */
  private final int limit;

  ToolLimitExceededException(ToolFormat format, int count, int limit, String selection) {
    super(count + " tools selected" + (selection.isEmpty() ? "" : " (" + selection + ")")
        + ", but " + name(format) + " accepts at most " + limit + " tools in one request;"
        + " narrow the selection (areas, slugs, patterns, read-only) or use the compact mode,"
        + " which gives 2 tools that describe and run any selected action");
    this.format = format;
    this.count = count;
    this.limit = limit;
  }

  private static String name(ToolFormat format) {
    return format == ToolFormat.OPENAI ? "OpenAI" : "Anthropic";
  }

  /** @return the provider format the definitions were asked for */
  public ToolFormat format() {
    return format;
  }

  /** @return how many tools the selection holds */
  public int count() {
    return count;
  }

  /** @return how many tools the provider accepts */
  public int limit() {
    return limit;
  }
}
