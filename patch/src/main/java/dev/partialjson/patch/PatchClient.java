package dev.partialjson.patch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JavaScript client of the patch stream: one file with no dependencies and no build step, which
 * applies {@code add}, {@code replace} and {@code append} operations and reads {@link SseEvents}
 * and {@link AgUiEvents} streams, the model's reasoning included, with an {@code EventSource}. It
 * sits in this jar at {@value #RESOURCE}, which servlet containers and Spring Boot serve as static
 * content at {@code /partialjson/patch-client.js}; any other server can send {@link #script()}.
 *
 * <pre>{@code
 * <script src="/partialjson/patch-client.js"></script>
 * <script>
 *   PartialJsonPatch.connect('/plan/events', {
 *     onChange: state => render(state),
 *     onReasoning: (delta, all) => showThought(all), // the model's reasoning, apart from the state
 *     onEnd: state => done(state),
 *     onFailure: (message, state) => showError(message)
 *   });
 * </script>
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PatchClient {
  /** Where the script is in this jar, as a class path resource. */
  public static final String RESOURCE = "META-INF/resources/partialjson/patch-client.js";

  private PatchClient() {}

  /** Returns the script's text. */
  public static String script() {
    // META-INF is no package, so the module system leaves the resource readable to everyone
    try (InputStream in = PatchClient.class.getResourceAsStream("/" + RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the partialjson-patch jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
