package dev.partialjson.embeddedmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Writes numbers within a schema's {@code minimum}, {@code maximum}, their exclusive forms (draft
 * 2020-12's numbers and draft 4's booleans) and {@code multipleOf}, all in {@link BigDecimal} so
 * that a bound such as 0.1 is honoured exactly. Unbounded sides get a range a person would expect
 * (0 to 100, a year for a property named so), not the whole of {@code long}.
 */
final class Numbers {
  private static final BigDecimal DEFAULT_SPAN = BigDecimal.valueOf(100);
  private static final BigDecimal REALISTIC_LIMIT = BigDecimal.valueOf(1000);

  private Numbers() {}

  /** The bounds of a number schema; a null side is unbounded. */
  record Bounds(
      @Nullable BigDecimal low,
      boolean lowExclusive,
      @Nullable BigDecimal high,
      boolean highExclusive,
      @Nullable BigDecimal multipleOf) {

    static Bounds of(JsonNode schema) {
      BigDecimal low = decimal(schema.get("minimum"));
      boolean lowExclusive = schema.path("exclusiveMinimum").asBoolean(false);
      BigDecimal exclusiveLow = decimal(schema.get("exclusiveMinimum"));
      if (exclusiveLow != null && (low == null || exclusiveLow.compareTo(low) >= 0)) {
        low = exclusiveLow;
        lowExclusive = true;
      }
      BigDecimal high = decimal(schema.get("maximum"));
      boolean highExclusive = schema.path("exclusiveMaximum").asBoolean(false);
      BigDecimal exclusiveHigh = decimal(schema.get("exclusiveMaximum"));
      if (exclusiveHigh != null && (high == null || exclusiveHigh.compareTo(high) <= 0)) {
        high = exclusiveHigh;
        highExclusive = true;
      }
      BigDecimal step = decimal(schema.get("multipleOf"));
      return new Bounds(low, lowExclusive, high, highExclusive, step);
    }

    boolean admits(BigDecimal value) {
      if (low != null && (lowExclusive ? value.compareTo(low) <= 0 : value.compareTo(low) < 0)) {
        return false;
      }
      if (high != null
          && (highExclusive ? value.compareTo(high) >= 0 : value.compareTo(high) > 0)) {
        return false;
      }
      return multipleOf == null || value.remainder(multipleOf).signum() == 0;
    }
  }

  /** Returns a number node for {@code schema}, an integer when {@code integer}. */
  static JsonNode write(
      JsonNode schema, boolean integer, Random random, String name, String where) {
    Bounds bounds = Bounds.of(schema);
    BigDecimal step = integer ? integerStep(bounds.multipleOf()) : bounds.multipleOf();
    if (step != null && step.signum() <= 0) {
      throw new Unsatisfiable("multipleOf must be above 0", where);
    }
    BigDecimal value;
    if (step != null) {
      value = pick(bounds, step, random, name);
    } else {
      value = null;
      int scale = integer ? 0 : random.nextInt(3);
      for (; value == null && scale <= (integer ? 0 : 12); scale++) {
        value = pick(bounds, BigDecimal.ONE.movePointLeft(scale), random, name);
      }
    }
    if (value == null) {
      throw new Unsatisfiable(
          "no " + (integer ? "integer" : "number") + " is within " + describe(bounds), where);
    }
    return node(value, integer);
  }

  /** Returns {@code value} as the node a model would write: no exponent, no trailing zeros. */
  static JsonNode node(BigDecimal value, boolean integer) {
    if (integer) {
      BigInteger whole = value.toBigIntegerExact();
      if (whole.bitLength() < 32) {
        return Schemas.NODES.numberNode(whole.intValue());
      }
      return whole.bitLength() < 64
          ? Schemas.NODES.numberNode(whole.longValue())
          : Schemas.NODES.numberNode(whole);
    }
    BigDecimal plain = value.stripTrailingZeros();
    return new DecimalNode(plain.scale() < 0 ? plain.setScale(0) : plain);
  }

  /** Returns the smallest positive integer that is a multiple of {@code multipleOf}, or 1. */
  static BigDecimal integerStep(@Nullable BigDecimal multipleOf) {
    if (multipleOf == null) {
      return BigDecimal.ONE;
    }
    // multipleOf = p / 10^s; the least integer multiple is p / gcd(p, 10^s).
    BigInteger p = multipleOf.unscaledValue().abs();
    if (multipleOf.scale() <= 0) {
      return multipleOf.abs();
    }
    BigInteger tens = BigInteger.TEN.pow(multipleOf.scale());
    return new BigDecimal(p.divide(p.gcd(tens)));
  }

  /** Returns a multiple of {@code step} within the bounds, or null if there is none. */
  private static @Nullable BigDecimal pick(
      Bounds bounds, BigDecimal step, Random random, String name) {
    BigDecimal low = bounds.low();
    BigDecimal high = bounds.high();
    BigDecimal[] usual = usualRange(name);
    if (low == null && high == null) {
      low = usual[0];
      high = usual[1];
    } else if (low == null) {
      low =
          high.signum() > 0
              ? high.subtract(REALISTIC_LIMIT).max(BigDecimal.ZERO)
              : high.subtract(DEFAULT_SPAN);
    } else if (high == null) {
      high = low.add(DEFAULT_SPAN.max(step.multiply(BigDecimal.TEN)));
    } else if (high.subtract(low).compareTo(REALISTIC_LIMIT) > 0 && random.nextInt(5) > 0) {
      // A wide range such as a whole int: mostly values a person would write, if any fit.
      BigDecimal narrowLow = low.max(usual[0]);
      BigDecimal narrowHigh = high.min(usual[1]);
      if (narrowLow.compareTo(narrowHigh) <= 0) {
        BigDecimal found = multipleWithin(bounds, narrowLow, narrowHigh, step, random);
        if (found != null) {
          return found;
        }
      }
    }
    return multipleWithin(bounds, low, high, step, random);
  }

  private static @Nullable BigDecimal multipleWithin(
      Bounds bounds, BigDecimal low, BigDecimal high, BigDecimal step, Random random) {
    BigInteger first = low.divide(step, 0, RoundingMode.CEILING).toBigIntegerExact();
    BigInteger last = high.divide(step, 0, RoundingMode.FLOOR).toBigIntegerExact();
    if (bounds.lowExclusive()
        && bounds.low() != null
        && low.equals(bounds.low())
        && new BigDecimal(first).multiply(step).compareTo(low) == 0) {
      first = first.add(BigInteger.ONE);
    }
    if (bounds.highExclusive()
        && bounds.high() != null
        && high.equals(bounds.high())
        && new BigDecimal(last).multiply(step).compareTo(high) == 0) {
      last = last.subtract(BigInteger.ONE);
    }
    if (first.compareTo(last) > 0) {
      return null;
    }
    BigInteger k = first.add(below(last.subtract(first).add(BigInteger.ONE), random));
    BigDecimal value = new BigDecimal(k).multiply(step);
    return bounds.admits(value) ? value : null;
  }

  /** Returns a uniform number in [0, n). */
  static BigInteger below(BigInteger n, Random random) {
    if (n.bitLength() < 63) {
      return BigInteger.valueOf(random.nextLong(n.longValue()));
    }
    BigInteger x;
    do {
      x = new BigInteger(n.bitLength(), random);
    } while (x.compareTo(n) >= 0);
    return x;
  }

  private static BigDecimal[] usualRange(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("year")) {
      return new BigDecimal[] {BigDecimal.valueOf(1950), BigDecimal.valueOf(2025)};
    }
    if (lower.equals("age")) {
      return new BigDecimal[] {BigDecimal.valueOf(18), BigDecimal.valueOf(90)};
    }
    return new BigDecimal[] {BigDecimal.ZERO, DEFAULT_SPAN};
  }

  static String describe(Bounds bounds) {
    return (bounds.low() == null
            ? "(-inf"
            : (bounds.lowExclusive() ? "(" : "[") + bounds.low().toPlainString())
        + ", "
        + (bounds.high() == null
            ? "inf)"
            : bounds.high().toPlainString() + (bounds.highExclusive() ? ")" : "]"))
        + (bounds.multipleOf() == null
            ? ""
            : " as a multiple of " + bounds.multipleOf().toPlainString());
  }

  private static @Nullable BigDecimal decimal(@Nullable JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }
}
