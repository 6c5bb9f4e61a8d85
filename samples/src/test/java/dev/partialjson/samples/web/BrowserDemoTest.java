package dev.partialjson.samples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.JsonPathPattern;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs the browser demo in a real headless Chromium: Debian's {@code chromium} and {@code
 * chromium-driver} packages, which {@code .ci/run} installs; without them the test is skipped.
 * Selenium is given both paths, so its Selenium Manager never downloads a browser or a driver.
 */
class BrowserDemoTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String FINAL_TITLE =
      "Ship the browser demo of partialjson, tested in headless Chromium";

  /** How long the page may take to show what was released to it; a bound, not a measurement. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * Keeps Selenium from warning that it has no DevTools classes for this Chromium: none are used.
   */
  private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    DEVTOOLS.setLevel(Level.SEVERE);
  }

  private static final JsonPath TITLE = JsonPath.parse("$.title");
  private static final JsonPathPattern TASK = JsonPathPattern.compile("$.tasks[*]");

  /** What the page shows at one moment, read in one script call. */
  record Seen(String title, long closedTasks, String state) {}

  /**
   * Lets the answer out one delta per permit, so the test, not a clock, decides what the page has
   * been sent when it looks.
   */
  private final Semaphore gate = new Semaphore(0);

  private PlanServer server;
  private ChromeDriverService service;
  private ChromeDriver browser;

  @BeforeEach
  void start(@TempDir Path profile) throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no browser: install Debian's chromium and chromium-driver packages (.ci/run does, as"
            + " root) to run the browser demo in headless Chromium");
    server =
        PlanServer.start(
            0,
            answer ->
                sink -> {
                  for (String delta : answer.deltas()) {
                    gate.acquire();
                    sink.accept(delta);
                  }
                });
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
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
        "--window-size=900,1000",
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
      server.close();
    }
  }

  @Test
  void rendersTheTitleAndTasksWhileTheyStreamThenTheFinalPlan() throws Exception {
    browser.get(server.uri().toString());

    List<String> deltas = ScriptedAnswer.PLAN.deltas();
    Released released = new Released(deltas);
    List<Seen> seen = new ArrayList<>();

    // Part of the title, not all of it: the page must show exactly that part, mid-stream.
    released.until(r -> r.titleSoFar().length() >= 10, gate);
    String partTitle = released.titleSoFar();
    seen.add(waitFor(now -> now.title().equals(partTitle)));
    // Then each task up to its closing brace, one at a time, and the page must mark just those.
    for (int closed = 1; closed <= 4; closed++) {
      int tasks = closed;
      released.until(r -> r.closedTasks() == tasks, gate);
      seen.add(waitFor(now -> now.closedTasks() == tasks));
      if (closed == 2) {
        screenshot(Path.of("target", "browser-demo-streaming.png"));
      }
    }
    gate.release(deltas.size()); // the rest
    seen.add(waitFor(now -> now.state().matches("done|error")));
    List<Seen> streaming = seen.stream().filter(s -> !s.state().equals("done")).toList();

    // The title grew before the stream ended: a part of it showed while the rest was coming.
    assertThat(streaming)
        .extracting(Seen::title)
        .anyMatch(
            title ->
                !title.isEmpty() && FINAL_TITLE.startsWith(title) && !title.equals(FINAL_TITLE));
    // The tasks closed one at a time, each seen on its own before the stream ended.
    assertThat(streaming).extracting(Seen::closedTasks).contains(0L, 1L, 2L, 3L);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).closedTasks()).isGreaterThanOrEqualTo(seen.get(i - 1).closedTasks());
    }

    // The final state: every task marked, the invalid one with its violation, the plan shown.
    assertThat(seen.get(seen.size() - 1).state()).isEqualTo("done");
    assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(FINAL_TITLE);
    List<WebElement> tasks = browser.findElements(By.cssSelector("#tasks li"));
    assertThat(tasks)
        .extracting(li -> li.findElement(By.className("mark")).getText())
        .containsExactly("\u2713", "\u2713", "\u2717", "\u2713");
    assertThat(tasks.get(2).getAttribute("class")).contains("invalid");
    assertThat(tasks.get(2).findElement(By.className("violations")).getText())
        .isEqualTo("$.tasks[2].hours must be greater than 0");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("done: 1 violation");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(b -> b.findElement(By.id("final")).isDisplayed());
    assertThat(browser.findElement(By.id("final-json")).getText())
        .contains("\"hours\": 0", "\"priority\": \"medium\"");

    screenshot(Path.of("target", "browser-demo.png"));
  }

  private void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    File taken = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void showsTheErrorOfACutOffAnswerAndKeepsWhatArrived() {
    gate.release(Integer.MAX_VALUE / 2); // no pauses: the whole answer at once
    browser.get(server.uri() + "?answer=truncated");

    new WebDriverWait(browser, PATIENCE)
        .until(b -> b.findElement(By.id("status")).getAttribute("data-state").equals("error"));
    assertThat(browser.findElement(By.id("status")).getText())
        .startsWith("error: Incomplete JSON: the input ended ");
    assertThat(browser.findElements(By.cssSelector("#tasks li.valid"))).hasSize(2);
    assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(FINAL_TITLE);
    assertThat(browser.findElement(By.id("final")).isDisplayed()).isFalse();
  }

  /** Returns what the page shows once {@code condition} holds, failing after {@link #PATIENCE}. */
  private Seen waitFor(java.util.function.Predicate<Seen> condition) {
    return new WebDriverWait(browser, PATIENCE)
        .until(
            b -> {
              Seen now = look();
              return condition.test(now) ? now : null;
            });
  }

  /**
   * The deltas let through the gate so far, read with the parser itself, so that the test knows
   * what the page has been sent: the title so far, and how many tasks have closed.
   */
  private static final class Released {
    private final List<String> deltas;
    private final StringBuilder title = new StringBuilder();
    private int next;
    private int closedTasks;
    private final IncrementalJsonParser parser =
        IncrementalJsonParser.create(
            new JsonListener() {
              @Override
              public void stringDelta(JsonPath path, CharSequence delta) {
                if (path.equals(TITLE)) {
                  title.append(delta);
                }
              }

              @Override
              public void endObject(JsonPath path) {
                if (TASK.matches(path)) {
                  closedTasks++;
                }
              }
            });

    Released(List<String> deltas) {
      this.deltas = deltas;
    }

    /** Lets deltas through one by one until {@code done} holds for what has gone through. */
    void until(java.util.function.Predicate<Released> done, Semaphore gate) {
      while (!done.test(this)) {
        assertThat(next)
            .as("the answer ended before the state the test waits for")
            .isLessThan(deltas.size());
        parser.feed(deltas.get(next++));
        gate.release();
      }
    }

    String titleSoFar() {
      return title.toString();
    }

    int closedTasks() {
      return closedTasks;
    }
  }

  private Seen look() {
    List<?> values =
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return [document.getElementById('title').textContent,"
                        + " document.querySelectorAll('#tasks li.valid, #tasks li.invalid').length,"
                        + " document.getElementById('status').dataset.state];");
    return new Seen((String) values.get(0), (Long) values.get(1), (String) values.get(2));
  }
}
