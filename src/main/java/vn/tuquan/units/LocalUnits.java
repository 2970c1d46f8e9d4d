package vn.tuquan.units;

import static vn.tuquan.shared.Texts.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.internal.DescendantMover;

/**
 * Residential areas and organisations: created, edited, moved and closed by the people responsible
 * for them. Every change opens a new version from a date; nothing is overwritten, except a version
 * corrected on the day it began.
 */
@Service
public class LocalUnits {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Units units;
    private final DescendantMover descendants;
    private final ApplicationEventPublisher events;

    LocalUnits(
            JdbcClient jdbc,
            JdbcTemplate template,
            Units units,
            DescendantMover descendants,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.units = units;
        this.descendants = descendants;
        this.events = events;
    }

    @Transactional
    public UnitView create(Caller caller, long parentId, LocalUnitForm form, LocalDate from) {
        caller.require(Permission.UNITS_WRITE);
        UnitView parent = checkedParent(parentId, form.kind(), from);
        requireCapture(caller, parent, from);
        LocalUnitForm clean = checked(form);
        long id = jdbc.sql("INSERT INTO unit (kind) VALUES (:kind) RETURNING id")
                .param("kind", form.kind().name())
                .query(Long.class)
                .single();
        insertVersion(id, clean, parent, from, "CREATED");
        UnitView created = units.findAny(id, from).orElseThrow();
        events.publishEvent(new LocalUnitCreated(created));
        return created;
    }

    /**
     * Creates many units at once, all or nothing (the Excel import, the demo), in batches.
     *
     * @return the ids of the new units, in the order of the forms
     */
    @Transactional
    public List<Long> createAll(Caller caller, List<Map.Entry<Long, LocalUnitForm>> parentsAndForms, LocalDate from) {
        caller.require(Permission.UNITS_WRITE);
        Map<Long, UnitView> parents = new HashMap<>();
        List<LocalUnitForm> forms = new ArrayList<>(parentsAndForms.size());
        for (Map.Entry<Long, LocalUnitForm> entry : parentsAndForms) {
            UnitView parent = parents.get(entry.getKey());
            if (parent == null || !allowedUnder(entry.getValue().kind(), parent.kind())) {
                parent = checkedParent(entry.getKey(), entry.getValue().kind(), from);
                requireCapture(caller, parent, from);
                parents.put(parent.id(), parent);
            }
            forms.add(checked(entry.getValue()));
        }
        if (forms.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('unit', 'id')) FROM generate_series(1, :n)")
                .param("n", forms.size())
                .query(Long.class)
                .list();
        List<Object[]> unitRows = new ArrayList<>(forms.size());
        List<Object[]> versionRows = new ArrayList<>(forms.size());
        for (int i = 0; i < forms.size(); i++) {
            LocalUnitForm form = forms.get(i);
            UnitView parent = parents.get(parentsAndForms.get(i).getKey());
            OrganisationDetails o = form.organisation() == null ? OrganisationDetails.NONE : form.organisation();
            unitRows.add(new Object[] {ids.get(i), form.kind().name()});
            versionRows.add(new Object[] {
                ids.get(i),
                form.kind().name(),
                form.subkind(),
                form.code(),
                form.name(),
                parent.id(),
                parent.path() + ids.get(i) + "/",
                parent.level() + 1,
                from,
                "CREATED",
                o.sector(),
                o.hasPartyOrganisation(),
                o.staffCount(),
                o.exclusion() == null ? null : o.exclusion().name()
            });
        }
        template.batchUpdate("INSERT INTO unit (id, kind) OVERRIDING SYSTEM VALUE VALUES (?, ?)", unitRows);
        template.batchUpdate("""
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, parent_id, path, level, valid_from, change,
                                          sector, has_party_organisation, staff_count, exclusion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, versionRows);
        events.publishEvent(new LocalUnitsImported(List.copyOf(ids), List.copyOf(parents.keySet()), from));
        return ids;
    }

    /** A new name, sub-kind, code or organisation facts from a date on. */
    @Transactional
    public UnitView edit(Caller caller, long id, LocalUnitForm form, LocalDate from) {
        caller.require(Permission.UNITS_WRITE);
        UnitView current = currentLocal(id, from);
        requireCapture(caller, current, from);
        LocalUnitForm clean = checked(
                new LocalUnitForm(current.kind(), form.subkind(), form.code(), form.name(), form.organisation()));
        UnitView parent = units.findAny(current.parentId(), from).orElseThrow();
        String change = Objects.equals(current.name(), clean.name()) ? "EDITED" : "RENAMED";
        endVersion(current, from);
        insertVersion(id, clean, parent, from, change);
        UnitView edited = units.findAny(id, from).orElseThrow();
        events.publishEvent(new LocalUnitEdited(current, edited));
        return edited;
    }

    /** Puts the unit under another parent from a date on; the units under it follow. */
    @Transactional
    public UnitView move(Caller caller, long id, long newParentId, LocalDate from) {
        caller.require(Permission.UNITS_WRITE);
        UnitView current = currentLocal(id, from);
        requireCapture(caller, current, from);
        UnitView parent = checkedParent(newParentId, current.kind(), from);
        requireCapture(caller, parent, from);
        if (parent.path().startsWith(current.path())) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of("parentId", "units.local.error.underItself")));
        }
        LocalUnitForm same = new LocalUnitForm(
                current.kind(), current.subkind(), current.code(), current.name(), current.organisation());
        endVersion(current, from);
        insertVersion(id, same, parent, from, "MOVED");
        UnitView moved = units.findAny(id, from).orElseThrow();
        descendants.follow(Map.of(current.path(), moved.path()), from, false);
        events.publishEvent(new LocalUnitMoved(current, moved));
        return moved;
    }

    /** The unit ends on this date (it stays in the history); so do the units under it. */
    @Transactional
    public void close(Caller caller, long id, LocalDate on) {
        caller.require(Permission.UNITS_WRITE);
        UnitView current = currentLocal(id, on);
        requireCapture(caller, current, on);
        jdbc.sql("""
                UPDATE unit_version SET valid_to = :on
                WHERE path LIKE :prefix AND valid_from < :on AND (valid_to IS NULL OR valid_to > :on)
                """).param("on", on).param("prefix", current.path() + "%").update();
        jdbc.sql("DELETE FROM unit_version WHERE path LIKE :prefix AND valid_from = :on")
                .param("on", on)
                .param("prefix", current.path() + "%")
                .update();
        events.publishEvent(new LocalUnitClosed(current, on));
    }

    private UnitView currentLocal(long id, LocalDate date) {
        UnitView current = units.findAny(id, date)
                .orElseThrow(() -> new LocalUnitRefusedException(
                        List.of(FieldProblem.of("id", "units.local.error.noSuchUnit", Long.toString(id)))));
        if (current.kind().official()) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of("id", "units.local.error.official")));
        }
        refuseIfChangedLater(current, date);
        return current;
    }

    /**
     * History is written forwards: a change dated before a later change of the unit, or of a unit
     * under it, would rewrite that later history.
     */
    private void refuseIfChangedLater(UnitView unit, LocalDate date) {
        jdbc.sql("""
                SELECT max(greatest(valid_from, coalesce(valid_to, valid_from))) FROM unit_version
                WHERE unit_id = :id OR path LIKE :prefix
                """)
                .param("id", unit.id())
                .param("prefix", unit.path() + "%")
                .query(LocalDate.class)
                .optional()
                .filter(latest -> latest.isAfter(date))
                .ifPresent(latest -> {
                    throw new LocalUnitRefusedException(
                            List.of(FieldProblem.of("validFrom", "units.local.error.laterChange", latest)));
                });
    }

    private UnitView checkedParent(long parentId, UnitKind kind, LocalDate from) {
        UnitView parent = units.findAny(parentId, from)
                .orElseThrow(() -> new LocalUnitRefusedException(List.of(
                        FieldProblem.of("parentId", "units.local.error.noSuchParent", Long.toString(parentId)))));
        if (!allowedUnder(kind, parent.kind())) {
            throw new LocalUnitRefusedException(List.of(FieldProblem.of(
                    "parentId",
                    "units.local.error.parentKind",
                    MessageArguments.label("units.kind." + kind.name()),
                    MessageArguments.label("units.kind." + parent.kind().name()))));
        }
        return parent;
    }

    /** Changes are made only inside the caller's capture scope. */
    private void requireCapture(Caller caller, UnitView unit, LocalDate date) {
        if (!units.inScope(caller.capture(), unit, date)) {
            throw new AccessRefusedException("unit " + unit.id() + " is outside the caller's capture scope");
        }
    }

    /** Where each kind may stand: a residential area in a commune; organisations in a commune or village. */
    static boolean allowedUnder(UnitKind kind, UnitKind parent) {
        return switch (kind) {
            case RESIDENTIAL_AREA -> parent == UnitKind.COMMUNE;
            case PROVINCE, DISTRICT, COMMUNE -> false;
            case SUB_PARISH ->
                parent == UnitKind.PARISH || parent == UnitKind.COMMUNE || parent == UnitKind.RESIDENTIAL_AREA;
            case ENTERPRISE ->
                parent == UnitKind.INDUSTRIAL_ZONE || parent == UnitKind.COMMUNE || parent == UnitKind.RESIDENTIAL_AREA;
            default -> parent == UnitKind.COMMUNE || parent == UnitKind.RESIDENTIAL_AREA;
        };
    }

    private static LocalUnitForm checked(LocalUnitForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.kind() == null || form.kind().official()) {
            problems.add(FieldProblem.of("kind", "units.local.error.kind"));
        }
        String name = VietnameseText.normaliseName(form.name());
        if (name == null || name.isBlank()) {
            problems.add(FieldProblem.of("name", "units.local.error.nameRequired"));
        } else if (name.length() > 200) {
            problems.add(FieldProblem.of("name", "units.local.error.nameTooLong", 200));
        }
        String code = blankToNull(form.code());
        if (code != null && !code.matches("[\\p{L}\\p{N}._/-]{1,40}")) {
            problems.add(FieldProblem.of("code", "units.local.error.code"));
        }
        OrganisationDetails organisation = form.organisation();
        if (organisation != null && organisation.staffCount() != null && organisation.staffCount() < 0) {
            problems.add(FieldProblem.of("staffCount", "units.local.error.staffCount"));
        }
        if (form.kind() == UnitKind.RESIDENTIAL_AREA) {
            organisation = null;
        }
        if (!problems.isEmpty()) {
            throw new LocalUnitRefusedException(problems);
        }
        String subkind = blankToNull(form.subkind());
        return new LocalUnitForm(form.kind(), subkind, code, name, organisation);
    }

    private void endVersion(UnitView current, LocalDate from) {
        if (!current.validFrom().isBefore(from)) {
            jdbc.sql("DELETE FROM unit_version WHERE id = :id")
                    .param("id", current.versionId())
                    .update();
        } else {
            jdbc.sql("UPDATE unit_version SET valid_to = :from WHERE id = :id")
                    .param("from", from)
                    .param("id", current.versionId())
                    .update();
        }
    }

    private void insertVersion(long id, LocalUnitForm form, UnitView parent, LocalDate from, String change) {
        String path = parent.path() + id + "/";
        OrganisationDetails o = form.organisation() == null ? OrganisationDetails.NONE : form.organisation();
        jdbc.sql("""
                INSERT INTO unit_version (unit_id, kind, subkind, code, name, parent_id, path, level, valid_from, change,
                                          sector, has_party_organisation, staff_count, exclusion)
                VALUES (:id, :kind, :subkind, :code, :name, :parent, :path, :level, :from, :change,
                        :sector, :party, :staff, :exclusion)
                """)
                .param("id", id)
                .param("kind", form.kind().name())
                .param("subkind", form.subkind())
                .param("code", form.code())
                .param("name", form.name())
                .param("parent", parent.id())
                .param("path", path)
                .param("level", parent.level() + 1)
                .param("from", from)
                .param("change", change)
                .param("sector", o.sector())
                .param("party", o.hasPartyOrganisation())
                .param("staff", o.staffCount())
                .param("exclusion", o.exclusion() == null ? null : o.exclusion().name())
                .update();
    }
}
