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
        HOUSEHOLD, UNIT, PERSON
    }

    /** A title awarded for a year by a deciding body's decision (GLOSSARY: TitleAward). */
    public record Award(long id, String titleCode, int year, long unitId, String personName, String decidingBody,
            String decisionNumber, LocalDate decidedOn) {
    }

    public record AwardForm(String titleCode, Integer year, String personName, String decidingBody,
            String decisionNumber, LocalDate decidedOn) {
    }

    /** An emulation agreement between units (giao ước thi đua), with the campaigns it serves as tags. */
    public record Agreement(long id, long unitId, List<Long> partyIds, LocalDate signedOn, String content,
            List<String> campaigns) {
    }

    public record AgreementForm(List<Long> partyIds, LocalDate signedOn, String content, List<String> campaigns) {
    }

    /** Of the units of a kind under a unit, how many held the title in the year. */
    public record Rate(long unitId, String titleCode, UnitKind kind, int year, long awarded, long total) {

        public double share() {
            return total == 0 ? 0 : (double) awarded / total;
        }
    }
}
