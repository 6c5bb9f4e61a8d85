package dev.partialjson.parser;

import java.util.Objects;

/**
 * How an {@link IncrementalJsonParser} reads its input. Immutable and thread-safe: build it once
 * and share it between parsers. The defaults suit raw model output: text around the root value is
 * skipped and relaxed syntax accepted, each reported as a {@link Repair}; {@link #strict()} reads
 * exactly one standard JSON value.
 *
 * <pre>{@code
 * ParserOptions options = ParserOptions.builder()
 *     .text(ParserOptions.Text.JSON)
 *     .limits(Limits.builder().maxStringLength(100_000).build())
 *     .build();
 * }</pre>
 */
public final class ParserOptions {

  /** What surrounds the JSON value in the input. */
  public enum Text {
    /**
     * The input is one JSON value (of any kind) and optional whitespace, and with {@link
     * Syntax#LENIENT} comments, also after the value; anything else is malformed.
     */
    JSON,
    /**
     * The input is a model's answer: everything before the first <code>&#123;</code> or {@code [}
     * outside a {@code <think>} or {@code <thinking>} block (prose, a Markdown fence, a byte order
     * mark) is skipped, and everything after the root value closes is ignored. The root must be an
     * object or an array. Both skips are reported as repairs.
     */
    MODEL_OUTPUT
  }

  /** Which JSON syntax is accepted. */
  public enum Syntax {
    /** Standard JSON (RFC 8259) only. */
    STRICT,
    /**
     * Also trailing commas, single-quoted strings and names, unquoted names, {@code //}, {@code /*
     * *}{@code /} and {@code #} comments, and control characters (a newline, a tab) written raw
     * inside strings and names, as Jackson accepts them; each is reported as a repair.
     */
    LENIENT
  }

  /** Whether the parser keeps the value so far for {@link IncrementalJsonParser#snapshot()}. */
  public enum Snapshots {
    /** Keep the value; costs memory for the document and a little time per event. */
    ENABLED,
    /** Events only; {@code snapshot()} throws. */
    DISABLED
  }

  private static final ParserOptions DEFAULTS = builder().build();
  private static final ParserOptions STRICT =
      builder().text(Text.JSON).syntax(Syntax.STRICT).build();

  private final Text text;
  private final Syntax syntax;
  private final Snapshots snapshots;
  private final Limits limits;
  private final JacksonSupport jackson;

  private ParserOptions(Builder builder) {
    this.text = builder.text;
    this.syntax = builder.syntax;
    this.snapshots = builder.snapshots;
    this.limits = builder.limits;
    this.jackson = new JacksonSupport(syntax == Syntax.LENIENT, limits);
  }

  /** Returns the defaults: {@link Text#MODEL_OUTPUT}, {@link Syntax#LENIENT}, snapshots enabled. */
  public static ParserOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns options for exactly one standard JSON value: {@link Text#JSON}, {@link Syntax#STRICT}.
   */
  public static ParserOptions strict() {
    return STRICT;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder().text(text).syntax(syntax).snapshots(snapshots).limits(limits);
  }

  /** Returns what surrounds the JSON value. */
  public Text text() {
    return text;
  }

  /** Returns the accepted syntax. */
  public Syntax syntax() {
    return syntax;
  }

  /** Returns whether snapshots are kept. */
  public Snapshots snapshots() {
    return snapshots;
  }

  /** Returns the limits. */
  public Limits limits() {
    return limits;
  }

  JacksonSupport jackson() {
    return jackson;
  }

  @Override
  public String toString() {
    return "ParserOptions{"
        + text
        + ", "
        + syntax
        + ", snapshots "
        + snapshots
        + ", "
        + limits
        + "}";
  }

  /** Builds {@link ParserOptions}; not thread-safe. */
  public static final class Builder {
    private Text text = Text.MODEL_OUTPUT;
    private Syntax syntax = Syntax.LENIENT;
    private Snapshots snapshots = Snapshots.ENABLED;
    private Limits limits = Limits.defaults();

    private Builder() {}

    /** Sets what surrounds the JSON value. */
    public Builder text(Text text) {
      this.text = Objects.requireNonNull(text, "text == null");
      return this;
    }

    /** Sets the accepted syntax. */
    public Builder syntax(Syntax syntax) {
      this.syntax = Objects.requireNonNull(syntax, "syntax == null");
      return this;
    }

    /** Sets whether snapshots are kept. */
    public Builder snapshots(Snapshots snapshots) {
      this.snapshots = Objects.requireNonNull(snapshots, "snapshots == null");
      return this;
    }

    /** Sets the limits. */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /** Returns the options. */
    public ParserOptions build() {
      return new ParserOptions(this);
    }
  }
}
