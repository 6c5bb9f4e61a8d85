package dev.partialjson.samples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Standard output for a sample's {@code main}, kept for what the sample shows. */
public final class SampleConsole {
  /** Held so that the level set in {@link #stdout} is not lost with a collected logger. */
  private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  private SampleConsole() {}

  /**
   * Returns standard output as UTF-8, auto-flushing, after silencing what libraries print that is
   * no part of the sample: Hibernate Validator's version banner (through JUL) and SLF4J's "no
   * providers" notice (victools and LangChain4j log through slf4j-api).
   */
  public static PrintStream stdout() {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    return new PrintStream(System.out, true, StandardCharsets.UTF_8);
  }
}
