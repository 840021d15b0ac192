package dev.hedgekit.posthog.toolkit;

/** The shapes {@link Toolkit#toolDefinitions(ToolFormat)} can export the actions in. */
public enum ToolFormat {
  /**
   * OpenAI function calling (Chat Completions {@code tools}):
   * {@code {"type":"function","function":{"name":..,"description":..,"parameters":{..}}}}.
   */
  OPENAI,
  /** Anthropic tool use: {@code {"name":..,"description":..,"input_schema":{..}}}. */
  ANTHROPIC
}
