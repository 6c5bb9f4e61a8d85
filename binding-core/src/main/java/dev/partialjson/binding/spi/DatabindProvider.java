package dev.partialjson.binding.spi;

/**
 * Found with {@link java.util.ServiceLoader}: makes the {@link Databind} of a binder given none,
 * with the Jackson's default mapper as binding configures it. Each Jackson side of partialjson
 * provides one; a binder takes the default from the one on the class path.
 */
public interface DatabindProvider {
  /** Returns the name users know the side by, for messages: {@code "partialjson-binding"}. */
  String artifact();

  /** Returns a databind with the side's default mapper. */
  Databind defaultDatabind();
}
