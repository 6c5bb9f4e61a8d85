package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import dev.partialjson.parser.PartialJsonException;
import dev.partialjson.testkit.Splits;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The JavaScript client in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}, as the samples' browser test uses them; without them the test is skipped): a
 * JDK server streams the batches of a document as server-sent events, one at a time, and sends the
 * next only once the page has reported its state; each reported state must be the parser's snapshot
 * when that batch was released. Numbers are compared as JavaScript holds them (doubles). The
 * reasoning of a think block before the document: at the end of each segment the page reports the
 * text its deltas make and the text the client hands over, and both must be what the server sent.
 */
class BrowserClientTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String REASONING = "REASONING ";
  private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    DEVTOOLS.setLevel(Level.SEVERE);
  }

  /** One event to send, and what the page must report after it (null: nothing to wait for). */
  record Step(String event, @Nullable String expected) {}

  private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
  private final Semaphore reported = new Semaphore(0);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<String> received = new ArrayList<>();
  private final List<String> reasoned = new ArrayList<>(); // each segment the page reported
  private volatile List<Step> steps = List.of(); // what the next /events request sends
  private HttpServer server;
  private ChromeDriverService service;
  private ChromeDriver browser;

  @BeforeEach
  void start(@TempDir Path profile) throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no browser: install Debian's chromium and chromium-driver packages to run the JavaScript"
            + " client in headless Chromium");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/", exchange -> send(exchange, "text/html", Corpus.read("browser/page.html")));
    server.createContext(
        "/partialjson/patch-client.js",
        exchange ->
            send(
                exchange,
                "text/javascript",
                PatchClient.script().getBytes(StandardCharsets.UTF_8)));
    server.createContext(
        "/report",
        exchange -> {
          reports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          send(exchange, "text/plain", new byte[0]);
          reported.release();
        });
    server.createContext("/events", this::stream);
    server.setExecutor(threads); // the stream waits for reports, which other threads take
    server.start();
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (server != null) {
      server.stop(0);
    }
    threads.shutdownNow();
  }

  @Test
  void pageStateEqualsTheSnapshotAfterEachPlainBatch() throws Exception {
    String document = document();
    steps = plan(document, PatchBatcher.Strings.APPEND, false);
    assertThat(steps.size()).isGreaterThan(5);

    run();

    String last = received.get(received.size() - 1);
    assertThat(last).startsWith("END ");
    assertThat(Json.write(doubles(parse(last)))).isEqualTo(Json.write(doubles(parse(document))));
  }

  @Test
  void pageStateEqualsTheSnapshotAfterEachAgUiDelta() throws Exception {
    String document = document();
    steps = plan(document, PatchBatcher.Strings.REPLACE, true);

    run();

    String last = received.get(received.size() - 1);
    assertThat(last).startsWith("END ");
    assertThat(Json.write(doubles(parse(last)))).isEqualTo(Json.write(doubles(parse(document))));
  }

  @Test
  void pageCollectsTheReasoningOfAThinkBlockBeforeThePlainBatches() throws Exception {
    String document = document();
    steps = plan("<think>" + THOUGHT + "</think>\n" + document, PatchBatcher.Strings.APPEND, false);
    assertThat(steps.get(0).event()).startsWith("event: reasoning-start\n");

    run();

    assertThat(reasoned).containsExactly(THOUGHT);
    String last = received.get(received.size() - 1);
    assertThat(Json.write(doubles(parse(last)))).isEqualTo(Json.write(doubles(parse(document))));
  }

  @Test
  void pageCollectsTheReasoningOfAThinkBlockBeforeTheAgUiDeltas() throws Exception {
    String document = document();
    steps = plan("<think>" + THOUGHT + "</think>\n" + document, PatchBatcher.Strings.REPLACE, true);

    run();

    assertThat(reasoned).containsExactly(THOUGHT);
    String last = received.get(received.size() - 1);
    assertThat(Json.write(doubles(parse(last)))).isEqualTo(Json.write(doubles(parse(document))));
  }

  @Test
  void pageReportsTheErrorAfterTheLastBatchOfACutOffDocument() throws Exception {
    String document = document();
    String cut = document.substring(0, document.length() / 2);
    steps = plan(cut, PatchBatcher.Strings.APPEND, false);

    run();

    assertThat(received.get(received.size() - 1))
        .startsWith("FAILED Incomplete JSON: the input ended ");
  }

  /** Reasoning with what a page meets: quotes, a line break, non-ASCII, a surrogate pair. */
  private static final String THOUGHT =
      "The user wants a \"plan\"; first the title, then\nthe tasks \u00e9 \uD83E\uDD14 <b>. "
          .repeat(4);

  /** A plan with what a page meets: escapes, non-ASCII, surrogate pairs, odd member names. */
  private static String document() {
    return "{\"title\": \"Ship the \\\"patch\\\" client \u00e9 \uD83D\uDE80 \\ud83d\\ude00 done\","
        + " \"a/b~c\": {\"__proto__\": \"kept as a member\", \"\": [1, -2.5e2, true, null]},"
        + " \"tasks\": [{\"id\": 1, \"title\": \"Write \\n the\\tclient\", \"tags\": []},"
        + " {\"id\": 2, \"title\": \"\u4e2d\u6587 and more text that keeps on growing\", \"done\": false}],"
        + " \"empty\": \"\", \"summary\": \""
        + "All of it streams, piece by piece. ".repeat(6)
        + "\"}";
  }

  /**
   * Feeds {@code document} in o200k tokens through a feed whose clock moves one tick per token,
   * with one batch at most per 3 ticks, and returns each batch's event with the snapshot of that
   * moment, then the end (or the error).
   */
  private static List<Step> plan(String document, PatchBatcher.Strings strings, boolean agUi) {
    List<Step> out = new ArrayList<>();
    long[] now = {0};
    PatchFeed[] feed = {null};
    PatchBatcher.Listener events =
        agUi
            ? AgUiEvents.writer(event -> out.add(new Step(event, null)), "thread", "run")
            : SseEvents.writer(event -> out.add(new Step(event, null)));
    PatchBatcher batcher =
        PatchBatcher.builder()
            .clock(() -> now[0])
            .interval(java.time.Duration.ofNanos(3))
            .strings(strings)
            .build(
                new PatchBatcher.Listener() {
                  @Override
                  public void batch(PatchBatch batch) {
                    events.batch(batch);
                    Step sent = out.remove(out.size() - 1);
                    String state = Json.write(doubles(feed[0].snapshot().value()));
                    out.add(new Step(sent.event(), state));
                  }

                  private final StringBuilder thought = new StringBuilder();

                  @Override
                  public void reasoningStart() {
                    events.reasoningStart();
                    thought.setLength(0);
                  }

                  @Override
                  public void reasoning(String text) {
                    events.reasoning(text);
                    thought.append(text);
                  }

                  @Override
                  public void reasoningEnd() {
                    events.reasoningEnd();
                    // the page reports the segment's reasoning at its last event
                    Step sent = out.remove(out.size() - 1);
                    out.add(new Step(sent.event(), REASONING + thought));
                  }

                  @Override
                  public void end() {
                    events.end();
                  }

                  @Override
                  public void error(Throwable error) {
                    events.error(error);
                  }
                });
    feed[0] = PatchFeed.create(batcher);
    try {
      for (String token : Splits.tokens(document)) {
        now[0]++;
        feed[0].feed(token);
      }
      feed[0].finish();
    } catch (PartialJsonException e) {
      // reported to the page as the last event
    }
    return out;
  }

  /** Loads the page and checks the report after each batch, then the last one. */
  private void run() throws InterruptedException {
    List<Step> all = steps; // the server empties the field when the page connects
    browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    int batches = 0;
    for (Step step : all) {
      if (step.expected() != null && step.expected().startsWith(REASONING)) {
        String report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).as("the page's report after " + step.event()).startsWith(REASONING);
        String text = step.expected().substring(REASONING.length());
        assertThat(parse(report.substring(REASONING.length())))
            .as("the page's reasoning, as its deltas make it and as the client holds it")
            .isEqualTo(Map.of("deltas", text, "all", text));
        reasoned.add(text);
      } else if (step.expected() != null) {
        String report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).as("the page's report after " + step.event()).isNotNull();
        received.add(report);
        batches++;
        assertThat(Json.write(doubles(parse(report))))
            .as("the page's state after " + step.event())
            .isEqualTo(step.expected());
      }
    }
    String last = reports.poll(30, TimeUnit.SECONDS);
    assertThat(last).as("the page's report of the end").isNotNull();
    received.add(last);
    assertThat(batches).as("batches compared").isGreaterThan(3);
  }

  /** Sends the steps as server-sent events, each batch only once the page reported the last. */
  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    List<Step> all = steps;
    steps = List.of(); // a reconnecting EventSource gets nothing more
    if (all.isEmpty()) {
      exchange.sendResponseHeaders(204, -1); // which tells an EventSource to stop
      return;
    }
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (Step step : all) {
        out.write(step.event().getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (step.expected() != null && !reported.tryAcquire(30, TimeUnit.SECONDS)) {
          return; // the test fails on its own wait
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static @Nullable Object parse(String json) {
    String text = json.startsWith("END ") ? json.substring(4) : json;
    IncrementalJsonParser parser =
        IncrementalJsonParser.create(ParserOptions.strict(), JsonListener.NONE);
    parser.feed(text);
    parser.finish();
    return parser.snapshot().value();
  }

  /** Returns {@code value} with every number as the double JavaScript makes of it. */
  private static @Nullable Object doubles(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, doubles(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(doubles(v)));
      return out;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).doubleValue();
    }
    return value;
  }
}
