package dev.hedgekit.posthog.toolkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which actions to hand to an agent: an immutable value, made with {@link #builder()} and
 * applied by {@link Toolkit#select(ToolSelection)} and
 * {@link Toolkit#toolDefinitions(ToolFormat, ToolSelection)}.
 *
 * <pre>{@code
 * ToolSelection flagsReadOnly = ToolSelection.builder()
 *     .areas("feature_flags")          // the spec's tags: feature_flags, insights, persons, ...
 *     .readOnly(true)                  // GET operations only
 *     .build();
 * ArrayNode tools = client.toolkit().toolDefinitions(ToolFormat.OPENAI, flagsReadOnly);
 * }</pre>
 *
 * <p>An action is chosen when it matches any of the given areas, slugs or patterns (every
 * action when none is given) and passes the filters:
 * <ul>
 *   <li>{@link Builder#readOnly(boolean) read-only}: only operations that read (HTTP GET, HEAD
 *       or OPTIONS). Operations that read through a POST, such as the query API, are left out.
 *   <li>retired operations (the spec's {@code x-hedgekit-upstream: removed}: PostHog no longer
 *       serves them) are left out unless {@link Builder#includeRetired(boolean)} is set.
 *       Deprecated operations stay in; their descriptions say so and name the replacement.
 * </ul>
 * Areas match the spec's tags without regard to case; slugs match exactly; patterns are globs
 * over the slug ({@code *} any run of characters, {@code ?} one character), without regard to
 * case. Naming an area or slug that does not exist, a pattern that matches nothing, or a slug
 * that a filter removes is an error when the selection is applied, so a typo never silently
 * shrinks a tool set.
 */
public final class ToolSelection {

  private static final ToolSelection DEFAULT = builder().build();

  private final List<String> areas;
  private final List<String> slugs;
  private final List<String> patterns;
  private final List<Pattern> compiled;
  private final boolean readOnly;
  private final boolean includeRetired;

  private ToolSelection(Builder b) {
    this.areas = List.copyOf(b.areas);
    this.slugs = List.copyOf(b.slugs);
    this.patterns = List.copyOf(b.patterns);
    List<Pattern> c = new ArrayList<>();
    patterns.forEach(p -> c.add(glob(p)));
    this.compiled = List.copyOf(c);
    this.readOnly = b.readOnly;
    this.includeRetired = b.includeRetired;
  }

  /**
   * Every action PostHog still serves, read and write: no area, slug or pattern, not
   * read-only, retired operations left out.
   *
   * @return the default selection
   */
  public static ToolSelection served() {
    return DEFAULT;
  }

  /**
   * A builder starting from {@link #served()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this selection, to derive another one */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.areas.addAll(areas);
    b.slugs.addAll(slugs);
    b.patterns.addAll(patterns);
    b.readOnly = readOnly;
    b.includeRetired = includeRetired;
    return b;
  }

  /** @return the areas (tags), lower case, in the order given; empty for none */
  public List<String> areas() {
    return areas;
  }

  /** @return the slugs named one by one, in the order given */
  public List<String> slugs() {
    return slugs;
  }

  /** @return the slug globs, in the order given */
  public List<String> patterns() {
    return patterns;
  }

  /** @return whether only reading operations are chosen */
  public boolean readOnly() {
    return readOnly;
  }

  /** @return whether operations PostHog has removed are chosen too */
  public boolean includeRetired() {
    return includeRetired;
  }

  /** @return whether no area, slug or pattern narrows the selection */
  public boolean unrestricted() {
    return areas.isEmpty() && slugs.isEmpty() && patterns.isEmpty();
  }

  /**
   * Whether an action with these facts is chosen (ignoring whether named slugs, areas and
   * patterns exist; {@link Toolkit#select(ToolSelection)} checks that).
   */
  boolean matches(Catalog.Entry e) {
    if (readOnly && !e.readOnly()) {
      return false;
    }
    if (!includeRetired && e.retired()) {
      return false;
    }
    return unrestricted() || slugs.contains(e.slug) || areas.contains(e.area.toLowerCase(Locale.ROOT))
        || matchesPattern(e.slug);
  }

  boolean matchesPattern(String slug) {
    for (Pattern p : compiled) {
      if (p.matcher(slug).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A glob as a case-insensitive regular expression: {@code *} any run, {@code ?} one
   * character, everything else literal.
   */
  static Pattern glob(String glob) {
    StringBuilder sb = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          sb.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        sb.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      sb.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
  }

  /**
   * The selection as command line options would spell it, e.g.
   * {@code --area feature_flags --read-only}; empty for {@link #served()}.
   *
   * @return the text
   */
  public String describe() {
    List<String> parts = new ArrayList<>();
    areas.forEach(a -> parts.add("--area " + a));
    slugs.forEach(s -> parts.add("--slug " + s));
    patterns.forEach(p -> parts.add("--pattern " + p));
    if (readOnly) {
      parts.add("--read-only");
    }
    if (includeRetired) {
      parts.add("--include-retired");
    }
    return String.join(" ", parts);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ToolSelection)) {
      return false;
    }
    ToolSelection s = (ToolSelection) o;
    return readOnly == s.readOnly && includeRetired == s.includeRetired
        && areas.equals(s.areas) && slugs.equals(s.slugs) && patterns.equals(s.patterns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(areas, slugs, patterns, readOnly, includeRetired);
  }

  @Override
  public String toString() {
    String d = describe();
    return "ToolSelection{" + (d.isEmpty() ? "every served action" : d) + "}";
  }

  /** Collects a {@link ToolSelection}; not thread-safe. Repeated calls add up. */
  public static final class Builder {
    private final Set<String> areas = new LinkedHashSet<>();
    private final Set<String> slugs = new LinkedHashSet<>();
    private final Set<String> patterns = new LinkedHashSet<>();
    private boolean readOnly;
    private boolean includeRetired;

    private Builder() {
    }

    /**
     * Adds API areas: the spec's tags, such as {@code feature_flags}, {@code insights},
     * {@code persons} ({@link ToolDescriptor#area()}).
     *
     * @param areas area names, any case
     * @return this builder
     */
    public Builder areas(String... areas) {
      return areas(List.of(areas));
    }

    /**
     * Adds API areas.
     *
     * @param areas area names, any case
     * @return this builder
     */
    public Builder areas(Collection<String> areas) {
      for (String a : areas) {
        this.areas.add(nonBlank(a, "area").toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Adds actions by slug.
     *
     * @param slugs exact slugs, e.g. {@code POSTHOG_RETRIEVE_FEATURE_FLAG_DETAILS}
     * @return this builder
     */
    public Builder slugs(String... slugs) {
      return slugs(List.of(slugs));
    }

    /**
     * Adds actions by slug.
     *
     * @param slugs exact slugs
     * @return this builder
     */
    public Builder slugs(Collection<String> slugs) {
      for (String s : slugs) {
        this.slugs.add(nonBlank(s, "slug"));
      }
      return this;
    }

    /**
     * Adds actions whose slug matches a glob, e.g. {@code *FEATURE_FLAG*} or
     * {@code POSTHOG_LIST_*}.
     *
     * @param patterns globs ({@code *} and {@code ?}), any case
     * @return this builder
     */
    public Builder patterns(String... patterns) {
      return patterns(List.of(patterns));
    }

    /**
     * Adds actions whose slug matches a glob.
     *
     * @param patterns globs ({@code *} and {@code ?}), any case
     * @return this builder
     */
    public Builder patterns(Collection<String> patterns) {
      for (String p : patterns) {
        this.patterns.add(nonBlank(p, "pattern"));
      }
      return this;
    }

    /**
     * Keeps only operations that read (GET, HEAD, OPTIONS); off by default.
     *
     * @param readOnly whether to leave out every operation that can change something
     * @return this builder
     */
    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    /**
     * Also chooses operations PostHog has removed ({@code x-hedgekit-upstream: removed}); off
     * by default, as calling them fails.
     *
     * @param includeRetired whether retired operations are chosen
     * @return this builder
     */
    public Builder includeRetired(boolean includeRetired) {
      this.includeRetired = includeRetired;
      return this;
    }

    /** @return the selection */
    public ToolSelection build() {
      return new ToolSelection(this);
    }

    private static String nonBlank(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("a " + what + " must not be null or blank");
      }
      return value.strip();
    }
  }
}
