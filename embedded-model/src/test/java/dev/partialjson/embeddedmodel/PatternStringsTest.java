package dev.partialjson.embeddedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Strings written for the patterns schemas use, matched whole by java.util.regex. */
class PatternStringsTest {
  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.of(
        "[A-Z]{3}-\\d+",
        "^[a-z0-9_]+$",
        "^\\+?[0-9]{7,15}$",
        "^(red|green|blue)$",
        "^ST-(north|south|east|west)-[0-9]{2}$",
        "^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$",
        "^\\d{5}(-\\d{4})?$",
        "^#[0-9a-fA-F]{6}$",
        "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}",
        "^v\\d+\\.\\d+\\.\\d+(?:-[a-z]+)?$",
        "^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$",
        "\\w+\\s\\W\\S\\D",
        "^[\\u4e00-\\u9fa5]{2,4}$",
        "a.b*c+?d??e*+",
        "x{2,}[-.]",
        "[\\]\\-a]{3}\\.\\x41",
        "[^a-z]");
  }

  @Property(tries = 1000)
  void writesAWholeMatch(@ForAll("patterns") String pattern, @ForAll long seed) {
    String text = PatternStrings.write(pattern, new Random(seed), 0, 200).orElseThrow();

    assertThat(Pattern.compile(pattern).matcher(text).matches()).as(text).isTrue();
  }

  @Property(tries = 200)
  void honoursLengthBoundsOrWritesNothing(@ForAll long seed) {
    PatternStrings.write("[a-z]{1,20}", new Random(seed), 15, 17)
        .ifPresent(text -> assertThat(text.length()).isBetween(15, 17));
    assertThat(PatternStrings.write("[a-z]{1,20}", new Random(seed), 30, 40)).isEmpty();
  }

  @Test
  void namesWhatItCannotWrite() {
    assertThat(PatternStrings.unsupported("(?=a)a")).isEqualTo("lookaround");
    assertThat(PatternStrings.unsupported("(?<!a)b")).isEqualTo("lookaround");
    assertThat(PatternStrings.unsupported("(a)\\1")).isEqualTo("a back-reference (\\1)");
    assertThat(PatternStrings.unsupported("\\p{L}+")).isEqualTo("a Unicode property (\\p)");
    assertThat(PatternStrings.unsupported("\\bword")).isEqualTo("a word boundary (\\b)");
    assertThat(PatternStrings.unsupported("(?i)abc")).isEqualTo("an inline flag or special group");
    assertThat(PatternStrings.unsupported("[a-z&&[^x]]"))
        .isEqualTo("a nested character class or intersection");
    assertThat(PatternStrings.unsupported("^[a-z]+(-[a-z]+)*$")).isNull();
  }
}
