package dev.partialjson.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.partialjson.samples.web.PlanServerTest.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo with a model server: a stand-in speaking OpenAI's streaming chat completions. */
class ModelAnswerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final AtomicReference<String> requestBody = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private volatile int status = 200;
  private HttpServer model;
  private PlanServer demo;

  @BeforeEach
  void start() throws IOException {
    model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    model.createContext("/v1/chat/completions", this::complete);
    model.start();
    URI base = URI.create("http://127.0.0.1:" + model.getAddress().getPort() + "/v1/");
    demo = PlanServer.start(0, answer -> new ModelAnswer(base, "demo-model", "sk-test"));
  }

  @AfterEach
  void stop() {
    demo.close();
    model.stop(0);
  }

  private void complete(HttpExchange exchange) throws IOException {
    try (exchange) {
      requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      if (status != 200) {
        byte[] body = "{\"error\":{\"message\":\"bad key\"}}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (String token : ScriptedAnswer.PLAN.deltas()) {
        out.write(chunk(token, null));
      }
      out.write(chunk("", "stop"));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static byte[] chunk(String content, String finishReason) {
    ObjectNode chunk = MAPPER.createObjectNode().put("object", "chat.completion.chunk");
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    choice.putObject("delta").put("content", content);
    choice.put("finish_reason", finishReason);
    return ("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void streamsTheModelsAnswerAsPathKeyedEvents() throws Exception {
    List<Event> events = PlanServerTest.events(demo.uri().resolve("events"));

    assertThat(events).filteredOn(e -> e.type().equals("item")).hasSize(4);
    Event done = events.get(events.size() - 1);
    assertThat(done.type()).isEqualTo("done");
    assertThat(done.data().get("value").get("tasks")).hasSize(4);
    assertThat(authorization.get()).isEqualTo("Bearer sk-test");
  }

  @Test
  void asksForAStreamedPlanWithItsStrictSchema() throws Exception {
    PlanServerTest.events(demo.uri().resolve("events"));

    JsonNode request = MAPPER.readTree(requestBody.get());
    assertThat(request.get("model").asText()).isEqualTo("demo-model");
    assertThat(request.get("stream").asBoolean()).isTrue();
    assertThat(request.at("/messages/0/content").asText()).isEqualTo(ModelAnswer.PROMPT);
    JsonNode format = request.get("response_format");
    assertThat(format.get("type").asText()).isEqualTo("json_schema");
    assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
    assertThat(format.at("/json_schema/schema/required").toString())
        .isEqualTo("[\"title\",\"tasks\"]");
    assertThat(format.at("/json_schema/schema/additionalProperties").asBoolean()).isFalse();
  }

  @Test
  void sendsAnErrorWhenTheModelRefuses() throws Exception {
    status = 401;

    List<Event> events = PlanServerTest.events(demo.uri().resolve("events"));

    assertThat(events).extracting(Event::type).containsExactly("error");
    assertThat(events.get(0).data().get("message").asText())
        .isEqualTo(
            "the model stream failed: http://127.0.0.1:"
                + model.getAddress().getPort()
                + "/v1/chat/completions answered 401: 401: bad key");
  }
}
