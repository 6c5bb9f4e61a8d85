package dev.partialjson.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents the benchmarks parse: generated model-style answers of a given size (fixed seed, so
 * every run and every approach sees the same bytes), and the real model outputs of the corpus.
 */
final class Documents {
  private static final long SEED = 20_260_101L;

  private static final String[] WORDS = {
    "the",
    "model",
    "streams",
    "a",
    "plan",
    "for",
    "each",
    "task",
    "with",
    "its",
    "owner",
    "deadline",
    "and",
    "risk",
    "parser",
    "reads",
    "value",
    "while",
    "it",
    "arrives",
    "user",
    "interface",
    "renders",
    "every",
    "field",
    "as",
    "grows",
    "budget",
    "review",
    "release",
    "latency",
    "token",
    "summary",
    "because",
    "should",
    "could",
    "quickly",
    "carefully",
    "database",
    "migration",
    "schema",
    "customer",
    "report",
    "quarterly",
    "revenue",
    "growth"
  };
  // One word in ten comes from here: accents, CJK, Cyrillic, Greek, Arabic, emoji, punctuation.
  private static final String[] OTHER_WORDS = {
    "café",
    "naïve",
    "résumé",
    "Zürich",
    "Ångström",
    "façade",
    "señor",
    "Straße",
    "日本語",
    "東京",
    "数据",
    "模型",
    "Привет",
    "мир",
    "Ελληνικά",
    "مرحبا",
    "😀",
    "🚀",
    "✓",
    "→",
    "—",
    "…"
  };
  private static final String[] TITLES = {
    "Quarterly plan", "Migration checklist", "Release notes", "Incident review",
    "Onboarding guide", "Research summary", "Travel itinerary", "Recipe: ramen"
  };
  private static final String[] PRIORITIES = {"low", "medium", "high", "urgent"};

  private Documents() {}

  /**
   * Returns a document of about {@code size} bytes of UTF-8 (a little more: the last section is
   * completed), the same for the same size in every run.
   */
  static byte[] generate(int size) {
    SplittableRandom random = new SplittableRandom(SEED + size);
    StringBuilder out = new StringBuilder(size + 4096);
    out.append("{\n  \"title\": ");
    string(out, TITLES[random.nextInt(TITLES.length)]);
    out.append(",\n  \"summary\": ");
    string(out, prose(random, 10 + random.nextInt(Math.min(60, size / 50))));
    out.append(",\n  \"metadata\": {\"model\": \"gpt-4o-2024-08-06\", \"version\": ")
        .append(1 + random.nextInt(9))
        .append(", \"temperature\": 0.7, \"reviewed\": ")
        .append(random.nextBoolean())
        .append(", \"tags\": [\"plan\", \"draft\", \"ünïcödé\"], \"parent\": null},\n")
        .append("  \"sections\": [");
    int section = 0;
    do {
      if (section > 0) {
        out.append(',');
      }
      section(out, random, section++, size);
    } while (utf8Length(out) + 4 < size);
    out.append("\n  ],\n  \"complete\": true\n}\n");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void section(StringBuilder out, SplittableRandom random, int number, int size) {
    out.append("\n    {\"heading\": ");
    string(out, "Section " + (number + 1) + ": " + prose(random, 3 + random.nextInt(5)));
    out.append(", \"body\": ");
    string(out, prose(random, 20 + random.nextInt(Math.min(120, size / 20))));
    out.append(", \"items\": [");
    int items = 1 + random.nextInt(size < 4096 ? 2 : 5);
    for (int i = 0; i < items; i++) {
      out.append(i == 0 ? "\n      " : ",\n      ");
      out.append("{\"id\": ").append(number * 10 + i).append(", \"name\": ");
      string(out, prose(random, 2 + random.nextInt(6)));
      out.append(", \"done\": ").append(random.nextBoolean());
      out.append(", \"priority\": \"").append(PRIORITIES[random.nextInt(4)]).append('"');
      out.append(", \"score\": ").append(random.nextInt(1000) / 100.0);
      out.append(", \"estimate_hours\": ").append(1 + random.nextInt(40));
      out.append(", \"notes\": ");
      if (random.nextInt(3) == 0) {
        out.append("null");
      } else {
        string(out, prose(random, 5 + random.nextInt(25)));
      }
      out.append(", \"steps\": [");
      int steps = random.nextInt(4);
      for (int s = 0; s < steps; s++) {
        if (s > 0) {
          out.append(", ");
        }
        string(out, prose(random, 3 + random.nextInt(8)));
      }
      out.append("]}");
    }
    out.append("\n    ]}");
  }

  /** Returns model-style prose: words, punctuation, quotes, newlines and a few non-ASCII words. */
  private static String prose(SplittableRandom random, int words) {
    StringBuilder text = new StringBuilder();
    boolean capital = true;
    for (int w = 0; w < words; w++) {
      String word =
          random.nextInt(10) == 0
              ? OTHER_WORDS[random.nextInt(OTHER_WORDS.length)]
              : WORDS[random.nextInt(WORDS.length)];
      if (capital && Character.isLowerCase(word.charAt(0))) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      capital = false;
      int r = random.nextInt(100);
      if (r < 3) {
        text.append('"').append(word).append('"');
      } else if (r < 5) {
        text.append('`').append(word).append('`');
      } else {
        text.append(word);
      }
      r = random.nextInt(100);
      if (w == words - 1) {
        text.append('.');
      } else if (r < 6) {
        text.append(". ");
        capital = true;
      } else if (r < 8) {
        text.append(".\n\n");
        capital = true;
      } else if (r < 9) {
        text.append(":\n- ");
      } else if (r < 12) {
        text.append(", ");
      } else if (r < 13) {
        text.append(" (").append(random.nextInt(100)).append("%) ");
      } else {
        text.append(' ');
      }
    }
    return text.toString();
  }

  /**
   * Appends {@code value} as a JSON string: quotes, backslashes and control characters escaped, a
   * few non-ASCII characters written as {@code \}{@code u} escapes as some models do, the rest raw.
   */
  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case 'é', '→' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static int utf8Length(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
  }

  /**
   * Returns one string of about 100 KB of plain ASCII words, no escapes: a document where nearly
   * every delta is plain text inside a string. With {@link #objects()}, it shows how the cost of a
   * row over LIMIT depends on the shape of the input; the generated documents lie between the two.
   */
  static byte[] plainProse() {
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder out = new StringBuilder("{\"text\": \"");
    while (out.length() < 100 << 10) {
      out.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
    }
    return out.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Returns one string of about 100 KB of Chinese prose, no escapes: a document where nearly every
   * delta is plain text of three-byte characters (a model answering in Chinese, Japanese or
   * Korean), next to {@link #plainProse()}'s ASCII.
   */
  static byte[] cjkProse() {
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder out = new StringBuilder("{\"text\": \"");
    int bytes = 0;
    while (bytes < 100 << 10) {
      String word = CJK_WORDS[random.nextInt(CJK_WORDS.length)];
      String after = random.nextInt(12) == 0 ? "。" : random.nextInt(6) == 0 ? "，" : "";
      out.append(word).append(after);
      bytes += 3 * (word.length() + after.length());
    }
    return out.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static final String[] CJK_WORDS = {
    "我们", "可以", "这个", "一个", "因为", "所以", "然后", "模型", "输出", "数据", "结构", "字段", "实时",
    "显示", "用户", "界面", "验证", "结果", "流式", "解析", "计划", "步骤", "问题", "答案", "部分", "完成",
    "需要", "已经", "没有", "如果", "时候", "方法", "系统", "服务", "请求", "响应", "内容", "文本"
  };

  /**
   * Returns an array of about 100 KB of small objects, {@code {"id": 123, "ok": true, "tag":
   * "a12"}}: a document where nearly every delta is structure (see {@link #plainProse()}).
   */
  static byte[] objects() {
    SplittableRandom random = new SplittableRandom(SEED);
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; out.length() < 100 << 10; i++) {
      out.append(i == 0 ? "" : ", ")
          .append("{\"id\": ")
          .append(random.nextInt(1000))
          .append(", \"ok\": ")
          .append(random.nextBoolean())
          .append(", \"tag\": \"a")
          .append(random.nextInt(100))
          .append("\"}");
    }
    return out.append(']').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns the 289 real model outputs of the corpus, each as its exact bytes, in file order. */
  static List<byte[]> corpus() {
    String index = new String(resource("index.jsonl"), StandardCharsets.UTF_8);
    Matcher file = Pattern.compile("\"file\": \"([0-9]+\\.json)\"").matcher(index);
    List<byte[]> out = new ArrayList<>();
    while (file.find()) {
      out.add(resource(file.group(1)));
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no documents listed in llm-outputs/index.jsonl");
    }
    return out;
  }

  private static byte[] resource(String name) {
    try (InputStream in = Documents.class.getResourceAsStream("/llm-outputs/" + name)) {
      return Objects.requireNonNull(in, "missing resource llm-outputs/" + name).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
