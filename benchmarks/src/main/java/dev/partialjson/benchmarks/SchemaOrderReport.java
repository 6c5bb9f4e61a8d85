package dev.partialjson.benchmarks;

import dev.partialjson.binding.PropertyOrder;
import dev.partialjson.embeddedmodel.SchemaAnswers;
import dev.partialjson.parser.IncrementalJsonParser;
import dev.partialjson.parser.JsonListener;
import dev.partialjson.parser.JsonPath;
import dev.partialjson.schema.ModelSchema;
import dev.partialjson.schema.SchemaMode;
import dev.partialjson.testkit.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How soon something useful arrives, in tokens, with the schema's properties in declaration order
 * and in {@link PropertyOrder#STREAMING} order: for each record type of {@link SchemaOrderRecords}
 * and each seed, the embedded model's answer to the type's schema ({@link SchemaAnswers}, compact,
 * as the embedded model answers), cut into o200k tokens as the embedded model streams them, is fed
 * token by token to an {@link IncrementalJsonParser}, and the tokens fed are counted until
 *
 * <ul>
 *   <li>the first completed field: the first string, number, boolean or null that is the value of
 *       an object's property, at any depth (a number completes when the token after it arrives, as
 *       the parser can know no sooner);
 *   <li>the first completed list item: the first element of any list, at any depth, that is
 *       complete (an object or list item when it closes, a scalar item as its value completes).
 * </ul>
 *
 * <p>The schemas are {@link SchemaMode#PLAIN}: the embedded model honours only what a schema says,
 * and strict mode's schema leaves out {@code maxLength}, so under it the model would fill a
 * three-letter currency code with a paragraph, as no real model does. Every property is required
 * ({@code @NotNull} or a primitive), so every answer has every property.
 *
 * <p>Prints a Markdown table: for each type and order, the median and the 90th percentile over the
 * seeds of the answer's length and of the two counts. Arguments: {@code --seeds N} (default 101).
 * Run with {@code ./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true exec:exec@order}.
 */
public final class SchemaOrderReport {
  private SchemaOrderReport() {}

  /** When the first field and the first list item completed, in tokens fed (from 1). */
  record Firsts(int field, int item, int tokens) {}

  public static void main(String[] args) {
    int seeds = 101;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--seeds") && i + 1 < args.length) {
        seeds = Integer.parseInt(args[++i]);
      } else {
        throw new IllegalArgumentException("Unknown argument: " + args[i] + " (--seeds N)");
      }
    }
    System.out.println(
        "| record | property order | answer tokens | first field | first list item | properties |");
    System.out.println("|---|---|--:|--:|--:|---|");
    for (Class<?> type : SchemaOrderRecords.TYPES) {
      for (PropertyOrder order : PropertyOrder.values()) {
        List<Firsts> all = measure(type, order, seeds);
        System.out.printf(
            Locale.ROOT,
            "| `%s` | %s | %s | %s | %s | %s |%n",
            type.getSimpleName(),
            order.name(),
            summary(all, Firsts::tokens),
            summary(all, Firsts::field),
            summary(all, Firsts::item),
            topLevel(type, order));
      }
    }
    System.out.println();
    System.out.println(
        "o200k tokens fed, from 1: median (90th percentile) over " + seeds + " seeds.");
  }

  static List<Firsts> measure(Class<?> type, PropertyOrder order, int seeds) {
    SchemaAnswers answers =
        SchemaAnswers.forSchema(ModelSchema.of(type, SchemaMode.PLAIN, order).toJson());
    List<Firsts> out = new ArrayList<>(seeds);
    for (int seed = 0; seed < seeds; seed++) {
      out.add(firsts(Splits.tokens(answers.valid(seed))));
    }
    return out;
  }

  /** Feeds {@code tokens} one by one and notes when the first field and item completed. */
  static Firsts firsts(List<String> tokens) {
    int[] fed = {0};
    int[] field = {-1};
    int[] item = {-1};
    JsonListener listener =
        new JsonListener() {
          private void scalar(JsonPath path) {
            if (path.isField() && field[0] < 0) {
              field[0] = fed[0];
            }
            closed(path);
          }

          private void closed(JsonPath path) {
            if (path.isIndex() && item[0] < 0) {
              item[0] = fed[0];
            }
          }

          @Override
          public void stringValue(JsonPath path, String value) {
            scalar(path);
          }

          @Override
          public void numberValue(JsonPath path, Number value) {
            scalar(path);
          }

          @Override
          public void booleanValue(JsonPath path, boolean value) {
            scalar(path);
          }

          @Override
          public void nullValue(JsonPath path) {
            scalar(path);
          }

          @Override
          public void endObject(JsonPath path) {
            closed(path);
          }

          @Override
          public void endArray(JsonPath path) {
            closed(path);
          }
        };
    IncrementalJsonParser parser = IncrementalJsonParser.create(listener);
    for (String token : tokens) {
      fed[0]++;
      parser.feed(token);
    }
    parser.finish();
    if (field[0] < 0 || item[0] < 0) {
      throw new IllegalStateException("An answer without a field or a list item: " + tokens);
    }
    return new Firsts(field[0], item[0], tokens.size());
  }

  /** Returns the median and the 90th percentile (nearest rank) of {@code part}. */
  private static String summary(List<Firsts> all, ToIntFunction<Firsts> part) {
    int[] values = all.stream().mapToInt(part).sorted().toArray();
    int n = values.length;
    double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    int p90 = values[(int) Math.ceil(0.9 * n) - 1];
    String middle =
        median == Math.rint(median) ? Long.toString((long) median) : Double.toString(median);
    return middle + " (" + p90 + ")";
  }

  private static String topLevel(Class<?> type, PropertyOrder order) {
    Object properties = ModelSchema.of(type, SchemaMode.PLAIN, order).toMap().get("properties");
    return properties instanceof Map<?, ?> map
        ? String.join(", ", map.keySet().stream().map(String::valueOf).toList())
        : "";
  }
}
