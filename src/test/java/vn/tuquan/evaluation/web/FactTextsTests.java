package vn.tuquan.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.tuquan.evaluation.rules.Comparison;
import vn.tuquan.evaluation.rules.Criteria;
import vn.tuquan.evaluation.rules.Fact;
import vn.tuquan.evaluation.rules.Facts;
import vn.tuquan.evaluation.rules.Params;

/**
 * Every value a criterion compares has a name in words in both languages: each criterion of the
 * catalogue is evaluated (with its defaults, and a commune's over residential areas only) on facts
 * holding every count, and each item it compared — a fact key, a share, a sum, a criterion's own
 * entered value — reads in words, never the key itself nor the catch-all "another figure".
 */
class FactTextsTests {

    @Test
    void everyItemAnyCriterionComparesReadsInWordsInBothLanguages() throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        for (String key : new String[] {
            Fact.HOUSEHOLDS_TOTAL,
            Fact.HOUSEHOLDS_REGISTERED,
            Fact.MODELS_EFFECTIVE,
            Fact.STAFF_TOTAL,
            Fact.STAFF_BRIEFED,
            Fact.STAFF_SIGNED,
            Fact.SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS,
            Fact.DRUG_USERS_NEW,
            Fact.DRUG_USERS_PRESENT,
            Fact.DRUG_SPOTS,
            Fact.MEDIATIONS,
            Fact.MEDIATIONS_RECONCILED,
            Fact.RE_EDUCATIONS,
            Fact.CHILDREN_TOTAL,
            Fact.CHILDREN_REGISTERED,
            Fact.CHILDREN_RECOGNISED,
            Fact.CHILDREN_AREAS_TOTAL,
            Fact.CHILDREN_AREAS_REGISTERED,
            Fact.CHILDREN_AREAS_RECOGNISED
        }) {
            counts.put(key, 2L);
        }
        Facts facts =
                new Facts("COMMUNE", 2023, LocalDate.of(2022, 11, 16), LocalDate.of(2023, 11, 15), counts, Map.of());
        Set<String> items = new TreeSet<>();
        for (var criterion : Criteria.all().values()) {
            for (Params params : new Params[] {Params.NONE, Params.of("residentialAreasOnly", "true")}) {
                criterion.evaluate(facts, params).compared().stream()
                        .map(Comparison::item)
                        .forEach(item -> {
                            items.add(item);
                            items.addAll(Arrays.asList(item.split("\\+")));
                            items.add(Fact.previous(item.split("\\+")[0]));
                        });
            }
        }
        assertThat(items)
                .contains(
                        "mediations.reconciledPercent",
                        "children.residentialAreas.recognisedPercent",
                        "staff.signedPercent",
                        "crimes.severity.SERIOUS");

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        FactTexts texts = new FactTexts(messages, null) {
            @Override
            String label(String item) {
                // incident categories are named by the catalogue in the database: a category's own name
                return item.startsWith("incidents.category.") ? "Số vụ: nhóm" : super.label(item);
            }
        };
        for (String language : new String[] {"vi", "en"}) {
            LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
            String other = messages.getMessage("evaluation.fact.other", null, LocaleContextHolder.getLocale());
            for (String item : items) {
                String label = texts.label(item);
                assertThat(label)
                        .as("%s in %s", item, language)
                        .isNotBlank()
                        .isNotEqualTo(item)
                        .doesNotContain(item)
                        .isNotEqualTo(other)
                        .doesNotContain("evaluation.")
                        .doesNotContain("order.");
            }
        }
        LocaleContextHolder.resetLocaleContext();
        Properties vi = new Properties();
        vi.load(new InputStreamReader(
                getClass().getResourceAsStream("/messages_vi.properties"), StandardCharsets.UTF_8));
        assertThat(vi).containsKey("evaluation.fact.percentOf");
    }
}
