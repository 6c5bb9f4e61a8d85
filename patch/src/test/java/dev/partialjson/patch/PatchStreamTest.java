package dev.partialjson.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.ParserOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchStreamTest {
  private final List<String> ops = new ArrayList<>();
  private final PatchStream stream = PatchStream.create(op -> ops.add(op.toJson()));
  private final IncrementalJsonParser parser = IncrementalJsonParser.create(stream);

  @Test
  void addsEachValueAsItBeginsAndAppendsEachFurtherPieceOfAString() {
    parser.feed("{\"title\":\"Hel");
    parser.feed("lo\",\"n\":[1,true,null,2.50],\"o\":{}}");
    parser.finish();

    assertThat(ops)
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/title\",\"value\":\"Hel\"}",
            "{\"op\":\"append\",\"path\":\"/title\",\"value\":\"lo\"}",
            "{\"op\":\"add\",\"path\":\"/n\",\"value\":[]}",
            "{\"op\":\"add\",\"path\":\"/n/0\",\"value\":1}",
            "{\"op\":\"add\",\"path\":\"/n/1\",\"value\":true}",
            "{\"op\":\"add\",\"path\":\"/n/2\",\"value\":null}",
            "{\"op\":\"add\",\"path\":\"/n/3\",\"value\":2.50}",
            "{\"op\":\"add\",\"path\":\"/o\",\"value\":{}}");
  }

  @Test
  void escapesTildeAndSlashInMemberNamesAsJsonPointerDoes() {
    parser.feed("{\"a/b\":{\"m~n\":[{\"\":1}]}}");
    parser.finish();

    assertThat(ops)
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/a~1b\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/a~1b/m~0n\",\"value\":[]}",
            "{\"op\":\"add\",\"path\":\"/a~1b/m~0n/0\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/a~1b/m~0n/0/\",\"value\":1}");
  }

  @Test
  void addsAStringBegunWithNoCharacterYetWhenSyncedWithTheSnapshot() {
    parser.feed("{\"a\":\"");
    assertThat(parser.snapshot().value()).hasToString("{a=}");
    assertThat(ops).containsExactly("{\"op\":\"add\",\"path\":\"\",\"value\":{}}");

    stream.sync(parser.snapshot());
    parser.feed("x\"}");
    parser.finish();

    assertThat(ops)
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"\",\"value\":{}}",
            "{\"op\":\"add\",\"path\":\"/a\",\"value\":\"\"}",
            "{\"op\":\"append\",\"path\":\"/a\",\"value\":\"x\"}");
  }

  @Test
  void syncAddsNothingWhenNoStringIsWaitingForItsFirstCharacter() {
    parser.feed("[1, \"ab");
    stream.sync(parser.snapshot());
    parser.feed("c\", ");
    stream.sync(parser.snapshot());

    assertThat(ops)
        .containsExactly(
            "{\"op\":\"add\",\"path\":\"\",\"value\":[]}",
            "{\"op\":\"add\",\"path\":\"/0\",\"value\":1}",
            "{\"op\":\"add\",\"path\":\"/1\",\"value\":\"ab\"}",
            "{\"op\":\"append\",\"path\":\"/1\",\"value\":\"c\"}");
  }

  @Test
  void sendsAnEmptyStringAndARootScalarAsOneAdd() {
    // strict: the default options skip text before the first '{' or '[' of a model's answer
    List<String> string = new ArrayList<>();
    IncrementalJsonParser empty =
        IncrementalJsonParser.create(
            ParserOptions.strict(), PatchStream.create(op -> string.add(op.toJson())));
    empty.feed("\"\"");
    empty.finish();
    List<String> number = new ArrayList<>();
    IncrementalJsonParser root =
        IncrementalJsonParser.create(
            ParserOptions.strict(), PatchStream.create(op -> number.add(op.toJson())));
    root.feed("-12.5e3");
    root.finish();

    assertThat(string).containsExactly("{\"op\":\"add\",\"path\":\"\",\"value\":\"\"}");
    assertThat(number).containsExactly("{\"op\":\"add\",\"path\":\"\",\"value\":-1.25E+4}");
  }

  @Test
  void sendsALaterDuplicateKeyAsAnAddAtTheSamePathWhichReplacesTheMember() {
    parser.feed("{\"a\":1,\"b\":2,\"a\":\"x\"}");
    parser.finish();
    JsonPatchApplier applied = new JsonPatchApplier();
    // RFC 6902 4.1: add to an existing member replaces its value; the member keeps its place
    List<PatchOperation> again = new ArrayList<>();
    IncrementalJsonParser replay = IncrementalJsonParser.create(PatchStream.create(again::add));
    replay.feed("{\"a\":1,\"b\":2,\"a\":\"x\"}");
    replay.finish();
    applied.apply(again);

    assertThat(ops).endsWith("{\"op\":\"add\",\"path\":\"/a\",\"value\":\"x\"}");
    assertThat(Json.write(applied.value())).isEqualTo(Json.write(replay.snapshot().value()));
    assertThat(Json.write(applied.value())).isEqualTo("{\"a\":\"x\",\"b\":2}");
  }

  @Test
  void takesEventObjectsAsABindingSessionHandsThemOn() {
    List<String> fromEvents = new ArrayList<>();
    PatchStream events = PatchStream.create(op -> fromEvents.add(op.toJson()));
    String document = "{\"t\":\"ab\",\"l\":[false,null,{\"x\":7}],\"s\":\"\"}";
    IncrementalJsonParser viaEvents = IncrementalJsonParser.create(JsonListener.of(events));
    for (String piece : List.of(document.substring(0, 7), document.substring(7))) {
      parser.feed(piece);
      viaEvents.feed(piece);
    }
    parser.finish();
    viaEvents.finish();

    assertThat(ops).hasSize(9);
    assertThat(fromEvents).containsExactlyElementsOf(ops);
  }
}
