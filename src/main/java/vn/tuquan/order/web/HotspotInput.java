package vn.tuquan.order.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.HotspotRefusedException;

/** Reading the hotspot and campaign forms: each unreadable field refused with its name. */
final class HotspotInput {

    private HotspotInput() {
    }

    static Hotspot.Form hotspot(MultiValueMap<String, String> form) {
        Map<String, String> input = form.toSingleValueMap();
        return new Hotspot.Form(input.get("name"), choice(Hotspot.Kind.class, input, "kind"), ids(form, "unitIds"),
                date(input, "designatedOn"), input.get("designatedBy"), input.get("designationNumber"),
                choice(Hotspot.Status.class, input, "status"), input.get("reason"), decimal(input, "latitude"),
                decimal(input, "longitude"), input.get("notes"));
    }

    static Hotspot.Correction correction(MultiValueMap<String, String> form) {
        Map<String, String> input = form.toSingleValueMap();
        return new Hotspot.Correction(input.get("name"), choice(Hotspot.Kind.class, input, "kind"), ids(form, "unitIds"),
                date(input, "designatedOn"), input.get("designatedBy"), input.get("designationNumber"),
                input.get("notes"));
    }

    static Hotspot.StatusForm status(Map<String, String> input) {
        return new Hotspot.StatusForm(choice(Hotspot.Status.class, input, "status"), date(input, "from"),
                input.get("reason"));
    }

    static Hotspot.RemovalForm removal(Map<String, String> input) {
        return new Hotspot.RemovalForm(date(input, "removedOn"), input.get("removedBy"), input.get("removalNumber"));
    }

    static Campaign.Form campaign(MultiValueMap<String, String> form) {
        Map<String, String> input = form.toSingleValueMap();
        return new Campaign.Form(input.get("name"), choice(Campaign.Kind.class, input, "kind"), date(input, "startedOn"),
                date(input, "endedOn"), ids(form, "unitIds"), input.get("forces"), number(input, "officers"),
                results(input), ids(form, "hotspotIds"));
    }

    static Campaign.Correction campaignCorrection(MultiValueMap<String, String> form) {
        Map<String, String> input = form.toSingleValueMap();
        return new Campaign.Correction(input.get("name"), choice(Campaign.Kind.class, input, "kind"),
                date(input, "startedOn"), date(input, "endedOn"), ids(form, "unitIds"), input.get("forces"),
                number(input, "officers"), ids(form, "hotspotIds"));
    }

    static Campaign.Results results(Map<String, String> input) {
        return new Campaign.Results(count(input, "arrests"), count(input, "ringsBroken"), count(input, "hotspotsCleared"),
                count(input, "itemsSeized"), input.get("seizedDescription"), input.get("summary"));
    }

    static <E extends Enum<E>> E choice(Class<E> type, Map<String, String> input, String field) {
        String text = input.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.choice");
        }
    }

    static LocalDate date(Map<String, String> input, String field) {
        String text = input.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.date");
        }
    }

    static Integer number(Map<String, String> input, String field) {
        String text = input.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replace(".", ""));
        } catch (NumberFormatException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.number");
        }
    }

    private static int count(Map<String, String> input, String field) {
        Integer value = number(input, field);
        return value == null ? 0 : value;
    }

    static Double decimal(Map<String, String> input, String field) {
        String text = input.get(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.number");
        }
    }

    static List<Long> ids(MultiValueMap<String, String> form, String field) {
        List<Long> ids = new ArrayList<>();
        for (String text : form.getOrDefault(field, List.of())) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                throw new HotspotRefusedException(field, "order.hotspots.error.choice");
            }
        }
        return ids;
    }
}
