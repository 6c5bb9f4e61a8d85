package dev.partialjson.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces an answer arrived in, and which piece closed each item of a top-level list: where a
 * test expects the item's callback, found by Jackson over the whole text, apart from the library.
 */
final class Pieces {
  final List<String> pieces = new ArrayList<>();

  /** Adds a piece; a {@link DeltaListener} for one choice or output. */
  void add(int index, String piece) {
    pieces.add(piece);
  }

  /** Returns the index of the piece being fed now, the last one added. */
  int current() {
    return pieces.size() - 1;
  }

  String text() {
    return String.join("", pieces);
  }

  /** Returns, for each item of the list {@code field} of the root object, the piece closing it. */
  List<Integer> closingPieces(String field) throws IOException {
    List<Integer> closing = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(text())) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        JsonStreamContext list = parser.getParsingContext();
        if (token == JsonToken.END_OBJECT
            && list.inArray()
            && field.equals(list.getParent().getCurrentName())
            && list.getParent().getParent().inRoot()) {
          closing.add(pieceAt(parser.currentTokenLocation().getCharOffset()));
        }
      }
    }
    return closing;
  }

  private int pieceAt(long charOffset) {
    long end = 0;
    for (int i = 0; i < pieces.size(); i++) {
      end += pieces.get(i).length();
      if (charOffset < end) {
        return i;
      }
    }
    throw new IllegalArgumentException("offset " + charOffset + " is past the text");
  }
}
