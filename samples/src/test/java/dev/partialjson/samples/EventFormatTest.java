package dev.partialjson.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.JsonEvent;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.parser.Repair;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFormatTest {

  @Test
  void keepsOneEventOnOneLine() {
    JsonEvent event =
        new JsonEvent(JsonEvent.Kind.STRING_DELTA, JsonPath.parse("$.a"), "say \"hi\"\n\\\u0001");

    assertThat(EventFormat.event(event))
        .isEqualTo("STRING_DELTA $.a \"say \\\"hi\\\"\\n\\\\\\u0001\"");
  }

  @Test
  void showsDeltasWithTheirQuotesAsReceived() {
    assertThat(EventFormat.delta("\", \"c\n")).isEqualTo("[\", \"c\\n]");
  }

  @Test
  void rendersSnapshotValuesAsJson() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("n", new BigDecimal("1.50"));
    value.put("list", Arrays.asList(true, null, "x"));

    assertThat(EventFormat.json(value)).isEqualTo("{\"n\":1.50,\"list\":[true,null,\"x\"]}");
  }

  @Test
  void rendersRepairsWithWhereTheyLie() {
    JsonEvent event =
        new JsonEvent(
            JsonEvent.Kind.REPAIR,
            JsonPath.root(),
            new Repair(Repair.Kind.SKIPPED_PREFIX, JsonPath.root(), 0, 8, "```json\n"));

    assertThat(EventFormat.event(event))
        .isEqualTo("REPAIR $ SKIPPED_PREFIX at byte 0 (8 bytes) \"```json\\n\"");
  }
}
