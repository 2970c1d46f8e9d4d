package vn.tuquan.units.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnitRefusedException;
import vn.tuquan.units.LocalUnitRefusedException.FieldProblem;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The changes the pages and the API make, with the checks they share: every field of the input
 * at once, and no change dated before a change the unit already has (the history is kept in
 * date order).
 */
@Component
class LocalUnitChanges {

    private final LocalUnits localUnits;
    private final Units units;
    private final LocalUnitChoices choices;

    LocalUnitChanges(LocalUnits localUnits, Units units, LocalUnitChoices choices) {
        this.localUnits = localUnits;
        this.units = units;
        this.choices = choices;
    }

    /** The unit has existed at some time (an unknown id is a 404, not a bad input). */
    boolean known(long id) {
        return units.latest(id).isPresent();
    }

    UnitView create(Long parentId, LocalUnitInput input, LocalDate from) {
        List<FieldProblem> problems = new ArrayList<>();
        if (parentId == null) {
            problems.add(FieldProblem.of("parentId", "units.local.web.error.parentRequired"));
        }
        LocalUnitForm form = input.check(choices, null, problems);
        LocalUnitInput.refuseIfAny(problems);
        return localUnits.create(parentId, form, from);
    }

    UnitView edit(long id, LocalUnitInput input, LocalDate from, String dateField) {
        UnitView current = current(id, from, dateField);
        List<FieldProblem> problems = new ArrayList<>();
        LocalUnitForm form = input.check(choices, current.kind(), problems);
        LocalUnitInput.refuseIfAny(problems);
        return localUnits.edit(id, form, from);
    }

    UnitView move(long id, Long parentId, LocalDate from, String dateField) {
        current(id, from, dateField);
        if (parentId == null) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of("parentId", "units.local.web.error.parentRequired")));
        }
        return localUnits.move(id, parentId, from);
    }

    void close(long id, LocalDate on, String dateField) {
        current(id, on, dateField);
        LocalDate start = units.history(id).get(0).validFrom();
        if (!start.isBefore(on)) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of(dateField, "units.local.web.error.closeBeforeStart",
                    start)));
        }
        localUnits.close(id, on);
    }

    /** The version a change from {@code date} replaces; refused when the unit changes again later. */
    private UnitView current(long id, LocalDate date, String dateField) {
        Optional<UnitView> later = units.history(id).stream().filter(v -> v.validFrom().isAfter(date)).findFirst();
        if (later.isPresent()) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of(dateField, "units.local.web.error.laterChange",
                    later.get().validFrom())));
        }
        UnitView current = units.find(id, date).orElseThrow(() -> new LocalUnitRefusedException(
                List.of(FieldProblem.of(dateField, "units.local.error.noSuchUnit", id))));
        if (current.kind().official()) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of("id", "units.local.error.official")));
        }
        return current;
    }
}
