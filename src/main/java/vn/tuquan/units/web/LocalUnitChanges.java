package vn.tuquan.units.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnitRefusedException;
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
    private final JdbcClient jdbc;

    LocalUnitChanges(LocalUnits localUnits, Units units, LocalUnitChoices choices, JdbcClient jdbc) {
        this.localUnits = localUnits;
        this.units = units;
        this.choices = choices;
        this.jdbc = jdbc;
    }

    /** The unit has existed at some time (an unknown id is a 404, not a bad input). */
    boolean known(long id) {
        return units.latest(CurrentCaller.view(), id).isPresent();
    }

    UnitView create(Long parentId, LocalUnitInput input, LocalDate from) {
        List<FieldProblem> problems = new ArrayList<>();
        if (parentId == null) {
            problems.add(FieldProblem.of("parentId", "units.local.web.error.parentRequired"));
        }
        LocalUnitForm form = input.check(choices, null, problems);
        LocalUnitInput.refuseIfAny(problems);
        return localUnits.create(CurrentCaller.get(), parentId, form, from);
    }

    UnitView edit(long id, LocalUnitInput input, LocalDate from, String dateField) {
        UnitView current = current(id, from, dateField, false);
        List<FieldProblem> problems = new ArrayList<>();
        LocalUnitForm form = input.check(choices, current.kind(), problems);
        LocalUnitInput.refuseIfAny(problems);
        return localUnits.edit(CurrentCaller.get(), id, form, from);
    }

    UnitView move(long id, Long parentId, LocalDate from, String dateField) {
        current(id, from, dateField, true);
        if (parentId == null) {
            throw new LocalUnitRefusedException(
                    List.of(FieldProblem.of("parentId", "units.local.web.error.parentRequired")));
        }
        return localUnits.move(CurrentCaller.get(), id, parentId, from);
    }

    void close(long id, LocalDate on, String dateField) {
        current(id, on, dateField, true);
        LocalDate start = units.history(CurrentCaller.view(), id).get(0).validFrom();
        if (!start.isBefore(on)) {
            throw new LocalUnitRefusedException(
                    List.of(FieldProblem.of(dateField, "units.local.web.error.closeBeforeStart", start)));
        }
        localUnits.close(CurrentCaller.get(), id, on);
    }

    /**
     * The version a change from {@code date} replaces; refused when the unit changes again later,
     * or (for a move or a close, which carry the units under it along) when one of those does.
     */
    private UnitView current(long id, LocalDate date, String dateField, boolean withUnitsUnder) {
        if (units.latest(CurrentCaller.view(), id).map(u -> u.kind().official()).orElse(false)) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of("id", "units.local.error.official")));
        }
        Optional<UnitView> later = units.history(CurrentCaller.view(), id).stream()
                .filter(v -> v.validFrom().isAfter(date))
                .findFirst();
        if (later.isPresent()) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of(
                    dateField, "units.local.web.error.laterChange", later.get().validFrom())));
        }
        UnitView current = units.find(CurrentCaller.view(), id, date)
                .orElseThrow(() -> new LocalUnitRefusedException(
                        List.of(FieldProblem.of(dateField, "units.local.error.noSuchUnit", Long.toString(id)))));
        if (!withUnitsUnder) {
            return current;
        }
        // a unit under it that changes (or begins) later would be left behind by a move or a close
        jdbc.sql("""
                SELECT name, valid_from FROM unit_version
                WHERE path LIKE :prefix AND path <> :path AND valid_from > :date
                ORDER BY valid_from LIMIT 1""")
                .param("prefix", current.path() + "%")
                .param("path", current.path())
                .param("date", date)
                .query((rs, n) -> FieldProblem.of(
                        dateField,
                        "units.local.web.error.laterChangeBelow",
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getString("name")))
                .optional()
                .ifPresent(problem -> {
                    throw new LocalUnitRefusedException(List.of(problem));
                });
        return current;
    }
}
