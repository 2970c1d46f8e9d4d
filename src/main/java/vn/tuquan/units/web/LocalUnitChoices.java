package vn.tuquan.units.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.OrganisationDetails.Exclusion;
import vn.tuquan.units.UnitKind;

/**
 * The values a person picks for a residential area or an organisation, and their reading from
 * text typed in a form, an API call or an Excel cell: the code ({@code RESIDENTIAL_AREA}), the
 * Vietnamese label ("khu dân cư") or the English one, ignoring case and diacritics.
 */
@Component
class LocalUnitChoices {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final ZoneId VIETNAM = Dates.VIETNAM;

    static final List<UnitKind> KINDS = List.of(
            UnitKind.RESIDENTIAL_AREA,
            UnitKind.AGENCY,
            UnitKind.ENTERPRISE,
            UnitKind.INDUSTRIAL_ZONE,
            UnitKind.SCHOOL,
            UnitKind.HOSPITAL,
            UnitKind.PARISH,
            UnitKind.SUB_PARISH,
            UnitKind.PAGODA);
    static final List<String> AREA_SUBKINDS = List.of("THON", "XOM", "AP", "BAN", "TO_DAN_PHO", "KHU_PHO");
    static final List<Exclusion> EXCLUSIONS = List.of(Exclusion.values());

    private final MessageSource messages;

    LocalUnitChoices(MessageSource messages) {
        this.messages = messages;
    }

    static LocalDate today() {
        return Dates.today();
    }

    static String kindKey(UnitKind kind) {
        return "units.kind." + kind.name();
    }

    static String subkindKey(String subkind) {
        return "units.subkind." + subkind;
    }

    static String exclusionKey(Exclusion exclusion) {
        return "units.exclusion." + exclusion.name();
    }

    String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    Optional<UnitKind> kind(String text) {
        return KINDS.stream().filter(k -> matches(text, k.name(), kindKey(k))).findFirst();
    }

    Optional<String> areaSubkind(String text) {
        return AREA_SUBKINDS.stream()
                .filter(s -> matches(text, s, subkindKey(s)))
                .findFirst();
    }

    /** Empty when the text says "none"; {@code null} when it says nothing known. */
    Optional<Exclusion> exclusion(String text) {
        if (blank(text)
                || List.of("khong", "none", "-").contains(fold(text))
                || matches(text, "NONE", "units.exclusion.NONE")) {
            return Optional.empty();
        }
        return EXCLUSIONS.stream()
                .filter(e -> matches(text, e.name(), exclusionKey(e)))
                .findFirst()
                .map(Optional::of)
                .orElse(null);
    }

    /** {@code true}, {@code false}, or {@code null} when blank; an exception when unknown. */
    Boolean yesNo(String text) {
        if (blank(text)) {
            return null;
        }
        String t = fold(text);
        if (List.of(
                        "co",
                        "yes",
                        "true",
                        "x",
                        "1",
                        fold(label("units.local.yes", VIETNAMESE)),
                        fold(label("units.local.yes", Locale.ENGLISH)))
                .contains(t)) {
            return true;
        }
        if (List.of(
                        "khong",
                        "no",
                        "false",
                        "0",
                        fold(label("units.local.no", VIETNAMESE)),
                        fold(label("units.local.no", Locale.ENGLISH)))
                .contains(t)) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }

    private boolean matches(String text, String code, String key) {
        if (blank(text)) {
            return false;
        }
        String t = fold(text);
        return t.equals(fold(code))
                || t.equals(fold(label(key, VIETNAMESE)))
                || t.equals(fold(label(key, Locale.ENGLISH)));
    }

    static String fold(String text) {
        return VietnameseText.fold(text.replace('_', ' ').strip()).replaceAll("\\s+", " ");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A message in the reader's language; arguments that are label keys are resolved first. */
    String render(String key, List<Object> arguments, Locale locale) {
        Object[] resolved = arguments.stream()
                .map(a -> a instanceof String s
                                && (s.startsWith("units.kind.")
                                        || s.startsWith("units.subkind.")
                                        || s.startsWith("units.exclusion."))
                        ? label(s, locale)
                        : a)
                .map(MessageArguments::display)
                .map(a -> a instanceof Long id ? id.toString() : a) // ids are not amounts: 987654321, not 987.654.321
                .toArray();
        return messages.getMessage(key, resolved, key, locale);
    }
}
