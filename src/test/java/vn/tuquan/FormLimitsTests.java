package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every free-text field of every form carries its maximum length ({@code maxlength}), so that a
 * person cannot type more than the module and the database accept (docs/security.md, "Input
 * bounds"). A text input is any {@code <input>} whose type takes free text, and every
 * {@code <textarea>}.
 */
class FormLimitsTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Input types that hold no free text. */
    static final Set<String> NOT_TEXT = Set.of(
            "hidden",
            "checkbox",
            "radio",
            "file",
            "date",
            "datetime-local",
            "month",
            "week",
            "time",
            "number",
            "range",
            "color",
            "submit",
            "button",
            "reset",
            "image");

    /** A call of the shared fields' text input or textarea (fragments/fields.html). */
    static final Pattern FRAGMENT_TEXT_FIELD =
            Pattern.compile("fragments/fields\\s*::\\s*(inputField|textareaField)\\s*\\(");

    static final Pattern FRAGMENT_TYPE = Pattern.compile("\\btype\\s*=\\s*'([a-zA-Z-]+)'");
    static final Pattern FRAGMENT_MAXLENGTH = Pattern.compile("\\bmaxlength\\s*=\\s*[^,)\\s]");

    @Test
    void everyTextInputAndTextareaHasAMaximumLength() throws IOException {
        List<String> missing = new ArrayList<>();
        int fields = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template :
                    files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                Document page = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
                // a field drawn by fragments/fields.html: its call must pass the maximum length
                for (Element call : page.select("[th:replace], [th:insert]")) {
                    String expression = call.hasAttr("th:replace") ? call.attr("th:replace") : call.attr("th:insert");
                    if (!FRAGMENT_TEXT_FIELD.matcher(expression).find()) {
                        continue;
                    }
                    var type = FRAGMENT_TYPE.matcher(expression);
                    if (type.find() && NOT_TEXT.contains(type.group(1).toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    fields++;
                    if (!FRAGMENT_MAXLENGTH.matcher(expression).find()) {
                        missing.add(TEMPLATES.relativize(template) + ": " + expression.strip());
                    }
                }
                for (Element field : page.select("input, textarea")) {
                    String type = field.hasAttr("type")
                            ? field.attr("type").toLowerCase(Locale.ROOT)
                            : field.hasAttr("th:type") ? "dynamic" : "text";
                    if (field.tagName().equals("input") && NOT_TEXT.contains(type)) {
                        continue;
                    }
                    fields++;
                    if (!field.hasAttr("maxlength") && !field.hasAttr("th:maxlength")) {
                        missing.add(TEMPLATES.relativize(template) + ": " + describe(field));
                    }
                }
            }
        }
        assertThat(fields).as("text fields found").isGreaterThan(50);
        assertThat(missing).as("text fields without maxlength").isEmpty();
    }

    private static String describe(Element field) {
        String name = field.hasAttr("name") ? field.attr("name") : field.attr("th:name");
        String id = field.hasAttr("id") ? field.attr("id") : field.attr("th:id");
        return field.tagName() + " name=" + name + " id=" + id;
    }
}
