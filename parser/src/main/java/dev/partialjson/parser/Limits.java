package dev.partialjson.parser;

/**
 * Bounds on the input, checked while it streams so that hostile or runaway model output ends in a
 * {@link LimitExceededException} instead of exhausting memory, the stack or the CPU. Lengths and
 * depth are applied through Jackson's {@code StreamReadConstraints}; the document length and the
 * members of an object are counted by the parser. Immutable and thread-safe.
 *
 * <p>The defaults are meant to be safe for model output, which is at most a few megabytes: depth
 * 1,000; strings 20,000,000 chars (and no longer than the document); names 50,000 chars; numbers
 * 1,000 chars; 10,000 members in one object; documents 8 MiB. Each is far beyond what a model
 * writes in one answer and each bounds what a runaway or hostile stream can cost.
 *
 * <p>Memory: what a parser holds grows with its input, so the document length bounds it. A parser
 * with snapshots retains at most 512 KiB + 16 × {@code maxDocumentLength} bytes of heap, 128.5 MiB
 * with the defaults; a binding session at most 512 KiB + 24 × {@code maxDocumentLength}, 192.5 MiB
 * (its token recording, from which the final value is bound, is the difference). The costliest
 * inputs, fed in token-sized deltas with a snapshot read after each, reach about 11 bytes per input
 * byte: one-element arrays nested in one another (an object for every two bytes), short strings or
 * decimals that all differ (an object of 48 or 40 bytes for every four or five bytes); the bound
 * leaves room for the spare capacity of the arrays still growing. The fixed part holds the idle
 * parser, the open containers at the deepest nesting allowed and the repairs kept (the first
 * 1,000). Raise {@code maxDocumentLength} only with the heap to match.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxStringLength(1_000_000).build();
 * }</pre>
 */
public final class Limits {

  /** The limits, each with the builder method that raises it. */
  public enum Limit {
    /** How deeply arrays and objects may nest. */
    NESTING_DEPTH("maxNestingDepth"),
    /** How many characters a string value may have. */
    STRING_LENGTH("maxStringLength"),
    /** How many characters an object key may have. */
    NAME_LENGTH("maxNameLength"),
    /** How many characters a number may have. */
    NUMBER_LENGTH("maxNumberLength"),
    /** How many bytes the whole input may have, counting skipped text. */
    DOCUMENT_LENGTH("maxDocumentLength"),
    /** How many members (keys, repeated ones included) one object may have. */
    OBJECT_MEMBERS("maxObjectMembers"),
    /**
     * How large a decimal exponent may be; fixed by Jackson (100,000) and by BigDecimal (an int).
     */
    NUMBER_SCALE(null),
    /**
     * How many object keys may collide in Jackson's symbol table before it suspects a hash-flooding
     * attack; fixed by Jackson (its spill-over area, 512 names in a table of 2,048 slots).
     */
    NAME_COLLISIONS(null);

    private final String builderMethod;

    Limit(String builderMethod) {
      this.builderMethod = builderMethod;
    }

    String howToRaise() {
      return builderMethod == null
          ? "this limit is fixed by Jackson and cannot be raised"
          : "raise it with Limits.builder()." + builderMethod + "(…)";
    }
  }

  private static final Limits DEFAULTS = builder().build();

  private final int maxNestingDepth;
  private final int maxStringLength;
  private final int maxNameLength;
  private final int maxNumberLength;
  private final long maxDocumentLength;
  private final int maxObjectMembers;

  private Limits(Builder builder) {
    this.maxNestingDepth = builder.maxNestingDepth;
    this.maxStringLength = builder.maxStringLength;
    this.maxNameLength = builder.maxNameLength;
    this.maxNumberLength = builder.maxNumberLength;
    this.maxDocumentLength = builder.maxDocumentLength;
    this.maxObjectMembers = builder.maxObjectMembers;
  }

  /**
   * Returns the defaults: depth 1,000; strings 20,000,000 chars; names 50,000; numbers 1,000;
   * 10,000 members per object; documents 8 MiB (8,388,608 bytes).
   */
  public static Limits defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the deepest nesting of arrays and objects allowed. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** Returns the longest string value allowed, in chars. */
  public int maxStringLength() {
    return maxStringLength;
  }

  /** Returns the longest object key allowed, in chars. */
  public int maxNameLength() {
    return maxNameLength;
  }

  /** Returns the longest number allowed, in chars. */
  public int maxNumberLength() {
    return maxNumberLength;
  }

  /** Returns the largest input allowed, in bytes, or -1 for no bound. */
  public long maxDocumentLength() {
    return maxDocumentLength;
  }

  /** Returns the most members one object may have, repeated keys included. */
  public int maxObjectMembers() {
    return maxObjectMembers;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Limits
        && ((Limits) o).maxNestingDepth == maxNestingDepth
        && ((Limits) o).maxStringLength == maxStringLength
        && ((Limits) o).maxNameLength == maxNameLength
        && ((Limits) o).maxNumberLength == maxNumberLength
        && ((Limits) o).maxDocumentLength == maxDocumentLength
        && ((Limits) o).maxObjectMembers == maxObjectMembers;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        maxNestingDepth,
        maxStringLength,
        maxNameLength,
        maxNumberLength,
        maxDocumentLength,
        maxObjectMembers);
  }

  @Override
  public String toString() {
    return "Limits{depth="
        + maxNestingDepth
        + ", string="
        + maxStringLength
        + ", name="
        + maxNameLength
        + ", number="
        + maxNumberLength
        + ", document="
        + maxDocumentLength
        + ", members="
        + maxObjectMembers
        + "}";
  }

  /** Builds {@link Limits}; not thread-safe. */
  public static final class Builder {
    private int maxNestingDepth = 1_000;
    private int maxStringLength = 20_000_000;
    private int maxNameLength = 50_000;
    private int maxNumberLength = 1_000;
    // 8 MiB: a model's answer is at most a few MB (even 100,000 output tokens are under 1 MB of
    // text), so this only stops a runaway or hostile stream, and it bounds what the parser holds:
    // at 16 bytes per input byte at most (see the class Javadoc), 128.5 MiB.
    private long maxDocumentLength = 8L << 20;
    // Each member costs a model at least three tokens ("k": v,), so 10,000 members in one object
    // is an answer of 30,000 tokens or more that is nothing but that object: far beyond what
    // structured output holds. The bound caps what one object's keys cost in the snapshot's map,
    // in a bound Map and in the caller's own code.
    private int maxObjectMembers = 10_000;

    private Builder() {}

    /**
     * Sets the deepest nesting allowed; at least 1. The parser and the snapshot's own lists and
     * maps ({@code hashCode}, {@code equals}, {@code toString}) walk a value of any depth without
     * recursion, but code that recurses once per level does not: the JDK's collections (a copy's
     * {@code hashCode}, {@code equals}, {@code toString}), a serializer, binding to types, your
     * own. Raised far beyond the default, a value deep enough (100,000 levels) ends such code in a
     * {@link StackOverflowError} on a thread of the default stack size.
     */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = positive(depth, "depth");
      return this;
    }

    /** Sets the longest string value allowed, in chars; at least 1. */
    public Builder maxStringLength(int length) {
      this.maxStringLength = positive(length, "length");
      return this;
    }

    /** Sets the longest object key allowed, in chars; at least 1. */
    public Builder maxNameLength(int length) {
      this.maxNameLength = positive(length, "length");
      return this;
    }

    /** Sets the longest number allowed, in chars; at least 1. */
    public Builder maxNumberLength(int length) {
      this.maxNumberLength = positive(length, "length");
      return this;
    }

    /** Sets the largest input allowed, in bytes; at least 1, or -1 for no bound. */
    public Builder maxDocumentLength(long length) {
      if (length != -1 && length < 1) {
        throw new IllegalArgumentException("length < 1: " + length);
      }
      this.maxDocumentLength = length;
      return this;
    }

    /** Sets the most members one object may have, repeated keys included; at least 1. */
    public Builder maxObjectMembers(int members) {
      this.maxObjectMembers = positive(members, "members");
      return this;
    }

    /** Returns the limits. */
    public Limits build() {
      return new Limits(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " < 1: " + value);
      }
      return value;
    }
  }
}
