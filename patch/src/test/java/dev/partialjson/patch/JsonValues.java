package dev.partialjson.patch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Generated JSON values, as the parser's snapshot holds them: member names and strings with
 * escapes, control characters, non-ASCII, surrogate pairs, lone surrogates, {@code ~} and {@code
 * /}; integers of every size; decimals with exponents; nesting.
 */
final class JsonValues {
  private JsonValues() {}

  static Arbitrary<String> strings() {
    return text(true);
  }

  /** Member names: the parser refuses a lone surrogate in a name, so none has one. */
  static Arbitrary<String> names() {
    return text(false);
  }

  private static Arbitrary<String> text(boolean loneSurrogates) {
    Arbitrary<String> special =
        Arbitraries.of(
            "\"",
            "\\",
            "/",
            "~",
            "~1",
            "\n",
            "\u0001",
            "\u007f",
            "é",
            "中",
            "\uD83D\uDE00",
            "\u2028",
            " ");
    if (loneSurrogates) {
      special = Arbitraries.oneOf(special, Arbitraries.of("\uD800", "\uDC00"));
    }
    Arbitrary<String> piece =
        Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMaxLength(6), special);
    return piece.list().ofMaxSize(8).map(pieces -> String.join("", pieces));
  }

  static Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        strings().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().greaterOrEqual((long) Integer.MAX_VALUE + 1).map(l -> (Object) l),
        Arbitraries.bigIntegers()
            .between(BigInteger.TWO.pow(70), BigInteger.TWO.pow(90))
            .map(b -> (Object) b.negate()),
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1e6"), new BigDecimal("1e6"))
            .ofScale(3)
            .map(d -> (Object) d),
        Arbitraries.of(new BigDecimal("1E+400"), new BigDecimal("-2.5E-7"), true, false)
            .map(o -> (Object) o),
        Arbitraries.just(null));
  }

  static Arbitrary<Object> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    // depth-bounded, so built eagerly (jqwik's lazyOf met a null in its edge cases here)
    Arbitrary<Object> child = values(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, scalars()),
        Tuple.of(2, child.list().ofMaxSize(3).map(l -> (Object) l)),
        Tuple.of(
            2,
            Arbitraries.maps(names(), child)
                .ofMaxSize(3)
                .map(m -> (Object) new LinkedHashMap<>(m))));
  }

  /** Containers at the root, as a model's answer has. */
  static Arbitrary<Object> documents() {
    Arbitrary<Object> child = values(3);
    return Arbitraries.oneOf(
        child.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
        Arbitraries.maps(names(), child).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m)));
  }
}
