package vn.tuquan.movement;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.tuquan.units.UnitKind;

/** A title the movement awards (GLOSSARY: Title), to households, units or persons. */
public record Title(String code, String nameVi, String nameEn, AwardedTo awardedTo, Set<UnitKind> unitKinds) {

    public Title {
        unitKinds = unitKinds == null ? Set.of() : Set.copyOf(unitKinds);
    }

    public enum AwardedTo {
        HOUSEHOLD,
        UNIT,
        PERSON
    }

    /**
     * A title awarded for a year by a deciding body's decision (GLOSSARY: TitleAward).
     *
     * @param unitId      the unit awarded, the unit of the person awarded, or the residential area the
     *                    household awarded lived in at the end of the year
     * @param householdId the household awarded, for a household's title; else {@code null}
     */
    public record Award(
            long id,
            String titleCode,
            int year,
            long unitId,
            String personName,
            String decidingBody,
            String decisionNumber,
            LocalDate decidedOn,
            Long householdId) {}

    public record AwardForm(
            String titleCode,
            Integer year,
            String personName,
            String decidingBody,
            String decisionNumber,
            LocalDate decidedOn) {}

    /**
     * One decision awarding a household title for a year to a list of households (a commune's
     * decision lists its households): all of them are awarded, or none.
     */
    public record HouseholdAwardForm(
            String titleCode,
            Integer year,
            List<Long> householdIds,
            String decidingBody,
            String decisionNumber,
            LocalDate decidedOn) {}

    /** An emulation agreement between units (giao ước thi đua), with the campaigns it serves as tags. */
    public record Agreement(
            long id, long unitId, List<Long> partyIds, LocalDate signedOn, String content, List<String> campaigns) {}

    public record AgreementForm(List<Long> partyIds, LocalDate signedOn, String content, List<String> campaigns) {}

    /**
     * Of the units of a kind under a unit, how many held the title in the year; for a household
     * title ({@code kind} null), of the households it is for living under the unit.
     */
    public record Rate(long unitId, String titleCode, UnitKind kind, int year, long awarded, long total) {

        public double share() {
            return total == 0 ? 0 : (double) awarded / total;
        }

        /** The share in whole percent, rounded. */
        public long percent() {
            return Math.round(share() * 100);
        }
    }
}
