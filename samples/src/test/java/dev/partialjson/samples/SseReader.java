package dev.partialjson.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events, one at a time, as the HTML Living Standard defines them: {@code event:}
 * and {@code data:} fields, several {@code data:} lines joined by {@code \n}, comment lines
 * starting with {@code :}, and a blank line ending each event. Only what the model APIs use is kept
 * ({@code id:} and {@code retry:} are ignored). Not thread-safe.
 *
 * <p>Test code only: it reads what the browser demo's own server sends, as the page's {@code
 * EventSource} does. Model streams are read by the providers' SDKs, never by this.
 *
 * <pre>{@code
 * var sse = new SseReader(reader);
 * for (SseReader.Event e; (e = sse.next()) != null; ) {
 *   if (!e.isDone()) handle(e.data());
 * }
 * }</pre>
 */
public final class SseReader {

  /**
   * One event.
   *
   * @param type the {@code event:} field, or {@code "message"} when the event has none
   * @param data the {@code data:} lines joined by {@code \n}
   */
  public record Event(String type, String data) {

    /** Checks the components. */
    public Event {
      Objects.requireNonNull(type, "type == null");
      Objects.requireNonNull(data, "data == null");
    }

    /** Returns whether this is OpenAI's end marker, {@code data: [DONE]}. */
    public boolean isDone() {
      return data.equals("[DONE]");
    }
  }

  private final BufferedReader lines;

  /** Returns a reader of the events in {@code source}; {@link BufferedReader} takes any EOL. */
  public SseReader(Reader source) {
    Objects.requireNonNull(source, "source == null");
    this.lines = source instanceof BufferedReader b ? b : new BufferedReader(source);
  }

  /**
   * Returns the next event, or null at the end of the input. An event with no {@code data:} line is
   * skipped, as the standard says. A last event without its blank line is still returned, where the
   * standard drops it: recorded streams are often saved without the final blank line.
   *
   * @throws UncheckedIOException if reading fails
   */
  public @Nullable Event next() {
    String type = null;
    StringBuilder data = null;
    try {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.isEmpty()) {
          if (data != null) {
            return new Event(type == null ? "message" : type, data.toString());
          }
          type = null;
          continue;
        }
        int colon = line.indexOf(':');
        if (colon == 0) {
          continue; // a comment, used as a keep-alive
        }
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        if (field.equals("event")) {
          type = value;
        } else if (field.equals("data")) {
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return data == null ? null : new Event(type == null ? "message" : type, data.toString());
  }
}
