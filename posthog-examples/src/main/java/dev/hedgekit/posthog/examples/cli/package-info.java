/**
 * A small command line for PostHog actions by slug ({@link
 * dev.hedgekit.posthog.examples.cli.PostHogCli}): list and describe the actions, run one with
 * {@code key=value} parameters, and print the tool definitions for OpenAI or Anthropic.
 */
package dev.hedgekit.posthog.examples.cli;
