package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every label is a message key in Vietnamese and English; templates carry no text of their own. */
class MessagesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Attributes a person reads or hears: they must come from messages too. */
    static final Set<String> READABLE_ATTRIBUTES =
            Set.of("title", "alt", "placeholder", "aria-label", "aria-description", "value", "label");

    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.\\-]+)[}(]");

    @Test
    void vietnameseAndEnglishHaveTheSameKeysAndNoEmptyLabel() throws IOException {
        Properties vi = load("messages_vi.properties");
        Properties en = load("messages_en.properties");
        assertThat(vi.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        vi.forEach((k, v) -> assertThat(v.toString()).as("vi " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
    }

    @Test
    void theVietnameseLabelsAreVietnamese() throws IOException {
        Properties vi = load("messages_vi.properties");
        long withDiacritics = vi.values().stream()
                .map(Object::toString)
                .filter(v -> v.chars().anyMatch(c -> c > 127))
                .count();
        assertThat(withDiacritics).as("labels with Vietnamese letters").isGreaterThan(vi.size() / 2);
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Properties vi = load("messages_vi.properties");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!vi.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            offences.addAll(hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckCatchesHardCodedTextAndAttributes() {
        assertThat(hardCodedText("t", "<p>Xin chào</p>")).containsExactly("t: <p> \"Xin chào\"");
        assertThat(hardCodedText("t", "<button aria-label=\"Đóng\" th:text=\"#{x}\"></button>"))
                .containsExactly("t: aria-label=\"Đóng\"");
        assertThat(hardCodedText("t", "<p th:text=\"#{x}\"></p><input name=\"q\" th:placeholder=\"#{y}\">"))
                .isEmpty();
    }

    static List<String> hardCodedText(String name, String html) {
        List<String> offences = new ArrayList<>();
        var document = Jsoup.parse(html, "", Parser.xmlParser());
        for (Element element : document.getAllElements()) {
            boolean replaced = element.hasAttr("th:text")
                    || element.hasAttr("th:utext")
                    || element.hasAttr("th:replace")
                    || element.hasAttr("th:insert");
            for (TextNode text : element.textNodes()) {
                if (!replaced && text.text().codePoints().anyMatch(Character::isLetter)) {
                    offences.add(name + ": <" + element.tagName() + "> \""
                            + text.text().strip() + "\"");
                }
            }
            for (String attribute : READABLE_ATTRIBUTES) {
                if (element.hasAttr(attribute)
                        && element.attr(attribute).codePoints().anyMatch(Character::isLetter)) {
                    offences.add(name + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                }
            }
        }
        return offences;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> paths = Files.walk(TEMPLATES)) {
            return paths.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
