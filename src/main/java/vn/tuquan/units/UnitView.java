package vn.tuquan.units;

import java.time.LocalDate;

/**
 * One unit as it was during one of its versions.
 *
 * @param id        the unit (stable across versions)
 * @param versionId this version
 * @param path      ids from the province down to the unit, as {@code /1/5/23/}
 * @param validTo   exclusive end of the version, {@code null} while it is current
 */
public record UnitView(
        long id,
        long versionId,
        String code,
        String name,
        String nameEn,
        UnitKind kind,
        String subkind,
        Long parentId,
        String path,
        int level,
        LocalDate validFrom,
        LocalDate validTo,
        String change,
        OrganisationDetails organisation) {

    /** The path read: the ids from the province down to this unit. */
    public UnitPath unitPath() {
        return UnitPath.parse(path);
    }

    public boolean validOn(LocalDate date) {
        return !validFrom.isAfter(date) && (validTo == null || validTo.isAfter(date));
    }
}
