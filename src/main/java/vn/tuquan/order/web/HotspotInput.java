package vn.tuquan.order.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import vn.tuquan.order.Campaign;
import vn.tuquan.order.Hotspot;
import vn.tuquan.order.HotspotRefusedException;

/** Reading the hotspot and campaign forms as typed ({@code *Input}): each unreadable field refused with its name. */
final class HotspotInput {

    private HotspotInput() {}

    static Hotspot.Form hotspot(HotspotDesignationInput input) {
        return new Hotspot.Form(
                input.name(),
                choice(Hotspot.Kind.class, input.kind(), "kind"),
                ids(input.unitIds(), "unitIds"),
                date(input.designatedOn(), "designatedOn"),
                input.designatedBy(),
                input.designationNumber(),
                choice(Hotspot.Status.class, input.status(), "status"),
                input.reason(),
                decimal(input.latitude(), "latitude"),
                decimal(input.longitude(), "longitude"),
                input.notes());
    }

    static Hotspot.Correction correction(HotspotCorrectionInput input) {
        return new Hotspot.Correction(
                input.name(),
                choice(Hotspot.Kind.class, input.kind(), "kind"),
                ids(input.unitIds(), "unitIds"),
                date(input.designatedOn(), "designatedOn"),
                input.designatedBy(),
                input.designationNumber(),
                input.notes());
    }

    static Hotspot.StatusForm status(HotspotStatusInput input) {
        return new Hotspot.StatusForm(
                choice(Hotspot.Status.class, input.status(), "status"), date(input.from(), "from"), input.reason());
    }

    static Hotspot.RemovalForm removal(HotspotRemovalInput input) {
        return new Hotspot.RemovalForm(date(input.removedOn(), "removedOn"), input.removedBy(), input.removalNumber());
    }

    static Campaign.Form campaign(CampaignInput input) {
        return new Campaign.Form(
                input.name(),
                choice(Campaign.Kind.class, input.kind(), "kind"),
                date(input.startedOn(), "startedOn"),
                date(input.endedOn(), "endedOn"),
                ids(input.unitIds(), "unitIds"),
                input.forces(),
                number(input.officers(), "officers"),
                results(input.results()),
                ids(input.hotspotIds(), "hotspotIds"));
    }

    static Campaign.Correction campaignCorrection(CampaignCorrectionInput input) {
        return new Campaign.Correction(
                input.name(),
                choice(Campaign.Kind.class, input.kind(), "kind"),
                date(input.startedOn(), "startedOn"),
                date(input.endedOn(), "endedOn"),
                ids(input.unitIds(), "unitIds"),
                input.forces(),
                number(input.officers(), "officers"),
                ids(input.hotspotIds(), "hotspotIds"));
    }

    static Campaign.Results results(CampaignResultsInput input) {
        return new Campaign.Results(
                count(input.arrests(), "arrests"),
                count(input.ringsBroken(), "ringsBroken"),
                count(input.hotspotsCleared(), "hotspotsCleared"),
                count(input.itemsSeized(), "itemsSeized"),
                input.seizedDescription(),
                input.summary());
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.choice");
        }
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.date");
        }
    }

    static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip().replace(".", ""));
        } catch (NumberFormatException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.number");
        }
    }

    private static int count(String text, String field) {
        Integer value = number(text, field);
        return value == null ? 0 : value;
    }

    static Double decimal(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new HotspotRefusedException(field, "order.hotspots.error.number");
        }
    }

    static List<Long> ids(List<String> texts, String field) {
        List<Long> ids = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
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
