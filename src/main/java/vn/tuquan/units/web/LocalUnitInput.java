package vn.tuquan.units.web;

import static vn.tuquan.shared.Texts.blankToNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.MessageArguments;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.LocalUnitForm;
import vn.tuquan.units.LocalUnitRefusedException;
import vn.tuquan.units.OrganisationDetails;
import vn.tuquan.units.OrganisationDetails.Exclusion;
import vn.tuquan.units.UnitKind;

/**
 * What a person typed for a residential area or an organisation (a form, an API body), checked
 * field by field so that every problem is reported at once, and turned into a {@link LocalUnitForm}.
 * The rules about parents and dates stay with {@code LocalUnits}.
 */
record LocalUnitInput(
        String kind,
        String subkind,
        String code,
        String name,
        String sector,
        Boolean hasPartyOrganisation,
        Integer staffCount,
        String exclusion) {

    /**
     * @param fixedKind the unit's kind when it cannot change (an edit); {@code null} to read {@link #kind}
     * @param problems  where problems are added; the result is {@code null} when there are some
     */
    LocalUnitForm check(LocalUnitChoices choices, UnitKind fixedKind, List<FieldProblem> problems) {
        int before = problems.size();
        UnitKind unitKind = fixedKind;
        if (unitKind == null) {
            if (LocalUnitChoices.blank(kind)) {
                problems.add(FieldProblem.of("kind", "units.local.web.error.kindRequired"));
            } else {
                unitKind = choices.kind(kind).orElse(null);
                if (unitKind == null) {
                    problems.add(FieldProblem.of("kind", "units.local.error.kind"));
                }
            }
        }
        String cleanSubkind = blankToNull(subkind);
        if (unitKind == UnitKind.RESIDENTIAL_AREA) {
            Optional<String> area = cleanSubkind == null ? Optional.empty() : choices.areaSubkind(cleanSubkind);
            if (area.isEmpty()) {
                problems.add(FieldProblem.of("subkind", "units.local.web.error.subkind"));
            } else {
                cleanSubkind = area.get();
            }
        } else if (cleanSubkind != null && cleanSubkind.length() > 40) {
            problems.add(FieldProblem.of("subkind", "units.local.web.error.subkindTooLong", 40));
        } else if (unitKind != null
                && cleanSubkind != null
                && choices.areaSubkind(cleanSubkind).isPresent()) {
            problems.add(FieldProblem.of(
                    "subkind",
                    "units.local.web.error.subkindOfArea",
                    MessageArguments.label(LocalUnitChoices.subkindKey(
                            choices.areaSubkind(cleanSubkind).get()))));
        }
        String cleanName = VietnameseText.normaliseName(name);
        if (cleanName == null || cleanName.isBlank()) {
            problems.add(FieldProblem.of("name", "units.local.error.nameRequired"));
        } else if (cleanName.length() > 200) {
            problems.add(FieldProblem.of("name", "units.local.error.nameTooLong", 200));
        }
        if (!LocalUnitChoices.blank(code) && !code.strip().matches("[\\p{L}\\p{N}._/-]{1,40}")) {
            problems.add(FieldProblem.of("code", "units.local.error.code"));
        }
        if (staffCount != null && staffCount < 0) {
            problems.add(FieldProblem.of("staffCount", "units.local.error.staffCount"));
        }
        Optional<Exclusion> cleanExclusion = choices.exclusion(exclusion);
        if (cleanExclusion == null) {
            problems.add(FieldProblem.of("exclusion", "units.local.web.error.exclusion"));
        }
        if (cleanExclusion != null
                && cleanExclusion.isPresent()
                && unitKind != null
                && unitKind != UnitKind.RESIDENTIAL_AREA) {
            UnitKind only = switch (cleanExclusion.get()) {
                case SMALL_OR_MICRO_ENTERPRISE -> UnitKind.ENTERPRISE;
                case PRIMARY_SCHOOL, KINDERGARTEN -> UnitKind.SCHOOL;
                case ARMED_FORCES -> null;
            };
            if (only != null && only != unitKind) { // RULEBOOK.md: who is excluded from the evaluation
                problems.add(FieldProblem.of(
                        "exclusion",
                        "units.local.web.error.exclusionKind",
                        MessageArguments.label(LocalUnitChoices.exclusionKey(cleanExclusion.get())),
                        MessageArguments.label(LocalUnitChoices.kindKey(only))));
            }
        }
        if (!LocalUnitChoices.blank(sector) && sector.strip().length() > 200) {
            problems.add(FieldProblem.of("sector", "units.local.web.error.sectorTooLong", 200));
        }
        if (problems.size() > before) {
            return null;
        }
        OrganisationDetails organisation = unitKind == UnitKind.RESIDENTIAL_AREA
                ? null
                : new OrganisationDetails(
                        blankToNull(sector), hasPartyOrganisation, staffCount, cleanExclusion.orElse(null));
        return new LocalUnitForm(unitKind, cleanSubkind, blankToNull(code), cleanName, organisation);
    }

    static void refuseIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new LocalUnitRefusedException(new ArrayList<>(problems));
        }
    }
}
