package dev.partialjson.parser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.async.NonBlockingJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Everything that knows Jackson's types beyond the tokenizer loop: the factory for one set of
 * options, and the mapping of Jackson's constraint violations onto {@link Limits.Limit}. A factory
 * is thread-safe and shared by every parser made with the same {@link ParserOptions}.
 */
final class JacksonSupport {
  private final Factory factory;

  JacksonSupport(boolean lenient, Limits limits) {
    JsonFactoryBuilder builder =
        (JsonFactoryBuilder)
            new JsonFactoryBuilder()
                .streamReadConstraints(
                    StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        // The parser checks string values itself, after each slice, so that
                        // the error and what was reported before it do not depend on the split;
                        // Jackson's check, which fires inside a slice, must never come first.
                        .maxStringLength(
                            (int)
                                Math.min(
                                    Integer.MAX_VALUE,
                                    limits.maxStringLength() + 2L * FeedingParser.SLICE))
                        .maxNameLength(limits.maxNameLength())
                        .maxNumberLength(limits.maxNumberLength())
                        // The document length is checked by the parser itself, exactly and
                        // counting skipped text, which Jackson never sees.
                        .maxDocumentLength(-1)
                        .build())
                // Names are still canonicalized (a per-factory table, bounded by Jackson at 64K
                // names and cleared when full, that fails fast on hash flooding: see
                // NAME_COLLISIONS), but not interned: String.intern() puts every distinct key a
                // model writes into the JVM's one global string table, shared state that nothing
                // here needs (no name is compared by identity).
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
    if (lenient) {
      for (Relaxation relaxation : Relaxation.values()) {
        for (JsonReadFeature feature : relaxation.features()) {
          builder.enable(feature);
        }
      }
    }
    this.factory = new Factory(builder);
  }

  FeedingParser newParser() {
    try {
      return (FeedingParser) factory.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      // Creating a non-blocking parser reads nothing; Jackson declares the exception only.
      throw new UncheckedIOException(e);
    }
  }

  static Limits.Limit limitOf(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("getMaxNestingDepth")) {
      return Limits.Limit.NESTING_DEPTH;
    } else if (message.contains("getMaxStringLength")) {
      return Limits.Limit.STRING_LENGTH;
    } else if (message.contains("getMaxNameLength")) {
      return Limits.Limit.NAME_LENGTH;
    } else if (message.contains("getMaxNumberLength")) {
      return Limits.Limit.NUMBER_LENGTH;
    } else if (message.contains("getMaxDocumentLength")) {
      return Limits.Limit.DOCUMENT_LENGTH;
    } else if (message.startsWith("Spill-over slots in symbol table")) {
      // ByteQuadsCanonicalizer._reportTooManyCollisions: too many keys share one hash bucket
      return Limits.Limit.NAME_COLLISIONS;
    }
    return Limits.Limit.NUMBER_SCALE;
  }

  static long maximumOf(Limits.Limit limit, Limits limits) {
    switch (limit) {
      case NESTING_DEPTH:
        return limits.maxNestingDepth();
      case STRING_LENGTH:
        return limits.maxStringLength();
      case NAME_LENGTH:
        return limits.maxNameLength();
      case NUMBER_LENGTH:
        return limits.maxNumberLength();
      case DOCUMENT_LENGTH:
        return limits.maxDocumentLength();
      case OBJECT_MEMBERS:
        return limits.maxObjectMembers();
      default:
        return -1;
    }
  }

  /** A factory whose non-blocking parsers expose the partial text of an unfinished string. */
  private static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Factory(JsonFactoryBuilder builder) {
      super(builder);
    }

    @Override
    public NonBlockingJsonParser createNonBlockingByteArrayParser() throws IOException {
      IOContext context = _createNonBlockingContext(null);
      ByteQuadsCanonicalizer names =
          _byteSymbolCanonicalizer.makeChildOrPlaceholder(_factoryFeatures);
      return new FeedingParser(context, _parserFeatures, names);
    }
  }
}
