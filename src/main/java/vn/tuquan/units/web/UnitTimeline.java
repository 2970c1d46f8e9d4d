package vn.tuquan.units.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.units.Succession;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The story of a unit, from its versions and successions: created, renamed, moved, took over,
 * merged into, closed; each event dated and linking to the units it names.
 */
@Component
class UnitTimeline {

    private final Units units;

    UnitTimeline(Units units) {
        this.units = units;
    }

    List<Event> of(long id) {
        List<UnitView> versions = units.history(CurrentCaller.view(), id);
        List<Event> events = new ArrayList<>();
        int order = 0;
        for (int i = 0; i < versions.size(); i++) {
            UnitView v = versions.get(i);
            UnitView before = i == 0 ? null : versions.get(i - 1);
            List<UnitView> above =
                    v.parentId() == null ? List.of() : units.ancestors(CurrentCaller.view(), id, v.validFrom());
            String parent = above.isEmpty() ? null : above.get(above.size() - 1).name();
            if (before == null || before.validTo() == null || before.validTo().isBefore(v.validFrom())) {
                events.add(new Event(
                        v.validFrom(),
                        order++,
                        parent == null ? "units.timeline.created" : "units.timeline.createdIn",
                        v.name(),
                        parent,
                        null,
                        List.of()));
                continue;
            }
            boolean renamed = !Objects.equals(before.name(), v.name());
            boolean moved = !Objects.equals(before.parentId(), v.parentId());
            if (renamed && moved) {
                events.add(new Event(
                        v.validFrom(),
                        order++,
                        "units.timeline.renamedMoved",
                        before.name(),
                        v.name(),
                        parent,
                        List.of()));
            } else if (renamed) {
                events.add(new Event(
                        v.validFrom(), order++, "units.timeline.renamed", before.name(), v.name(), null, List.of()));
            } else if (moved) {
                events.add(new Event(v.validFrom(), order++, "units.timeline.moved", parent, null, null, List.of()));
            } else {
                events.add(new Event(
                        v.validFrom(),
                        order++,
                        "units.timeline.edited",
                        null,
                        null,
                        null,
                        List.of(),
                        changedFields(before, v)));
            }
        }
        for (int i = 0; i < versions.size(); i++) {
            UnitView v = versions.get(i);
            boolean gap = i + 1 < versions.size()
                    && !Objects.equals(versions.get(i + 1).validFrom(), v.validTo());
            if (v.validTo() != null && (i + 1 == versions.size() || gap)) {
                events.add(new Event(v.validTo(), order++, "units.timeline.closed", v.name(), null, null, List.of()));
            }
        }
        Map<String, List<Link>> tookOver = new LinkedHashMap<>();
        for (Succession s : units.predecessors(CurrentCaller.view(), id)) {
            tookOver.computeIfAbsent(
                            s.effectiveDate()
                                    + (s.whole() ? "|units.timeline.tookOverWhole" : "|units.timeline.tookOverPart"),
                            k -> new ArrayList<>())
                    .add(link(
                            s.predecessorId(),
                            s.predecessorName(),
                            s.effectiveDate().minusDays(1)));
        }
        Map<String, List<Link>> became = new LinkedHashMap<>();
        for (Succession s : units.successors(CurrentCaller.view(), id)) {
            became.computeIfAbsent(
                            s.effectiveDate()
                                    + (s.whole()
                                            ? "|units.timeline.mergedIntoWhole"
                                            : "|units.timeline.mergedIntoPart"),
                            k -> new ArrayList<>())
                    .add(link(s.successorId(), s.successorName(), s.effectiveDate()));
        }
        for (Map<String, List<Link>> group : List.of(tookOver, became)) {
            for (Map.Entry<String, List<Link>> entry : group.entrySet()) {
                String[] parts = entry.getKey().split("\\|");
                events.add(new Event(LocalDate.parse(parts[0]), order++, parts[1], null, null, null, entry.getValue()));
            }
        }
        events.sort(Comparator.comparing(Event::date).thenComparing(Event::order));
        return events;
    }

    /** Message keys of what an edit changed besides name and parent. */
    private static List<String> changedFields(UnitView before, UnitView after) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.code(), after.code())) {
            fields.add("units.field.code");
        }
        if (!Objects.equals(before.subkind(), after.subkind())) {
            fields.add("units.field.subkind");
        }
        if (!Objects.equals(before.nameEn(), after.nameEn())) {
            fields.add("units.field.nameEn");
        }
        if (!Objects.equals(before.organisation(), after.organisation())) {
            fields.add("units.field.organisation");
        }
        return fields;
    }

    /** A link to a unit as it was on a date, with its province (or the place above it) as detail. */
    private Link link(long id, String name, LocalDate date) {
        String detail = null;
        try {
            List<UnitView> above = units.ancestors(CurrentCaller.view(), id, date);
            detail = above.isEmpty() ? null : above.get(0).name();
        } catch (AccessRefusedException outsideTheScope) {
            // a predecessor or successor outside the caller's scope: named, but not placed
        }
        return new Link(id, name, detail, date);
    }

    /**
     * One dated event: a message key with up to three arguments, and the units it names.
     *
     * @param order the order of events on the same date
     */
    record Event(
            LocalDate date,
            int order,
            String key,
            String a0,
            String a1,
            String a2,
            List<Link> links,
            List<String> fieldKeys) {

        Event(LocalDate date, int order, String key, String a0, String a1, String a2, List<Link> links) {
            this(date, order, key, a0, a1, a2, links, List.of());
        }
    }

    record Link(long id, String name, String detail, LocalDate asOf) {}
}
