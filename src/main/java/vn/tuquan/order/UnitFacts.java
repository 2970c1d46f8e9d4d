package vn.tuquan.order;

import java.util.Map;
import vn.tuquan.shared.Period;
import vn.tuquan.units.UnitKind;

/**
 * What the registers of security and order hold for one unit and one evaluation period, counted
 * over the unit and every unit under it (a commune's facts include its residential areas and
 * organisations), with the same counts for the period before. The period is the unit's own:
 * {@link Period#residentialArea(int)} for residential areas, {@link Period#organisation(int)} for the
 * others; an incident belongs to it when it happened from 00:00 of the day after the previous
 * period's last day up to (not including) 00:00 of the day after this period's last day, in Vietnam
 * (UTC+7). Under TT 23 the regulation's periods share their boundary day (31 October); counted this
 * way an incident at 23:59 on 31 October belongs to the period ending that day, one at 00:00 on
 * 1 November to the next, and none to two.
 */
public record UnitFacts(
        long unitId,
        String code,
        String name,
        UnitKind kind,
        Long parentId,
        Period period,
        Counts current,
        Counts previous) {

    /**
     * Incidents by kind of category (CRIME, SECURITY_EVENT, SOCIAL_EVIL …), by category code and
     * crimes by class; drug users detected in the period and present during it; mediations held and
     * reconciled; community re-education cases started; serious fires, explosions, traffic and labour
     * accidents whose cause was subjective (severity SERIOUS, {@code subjective_cause} true); hotspots of
     * kind DRUGS covering the unit (or a unit under it; each hotspot once) designated by the period's last
     * day, not removed by then and not STABLE that day.
     */
    public record Counts(
            Map<String, Long> byKind,
            Map<String, Long> byCategory,
            Map<String, Long> crimesBySeverity,
            long newDrugUsers,
            long drugUsers,
            long mediations,
            long reconciled,
            long reEducations,
            long seriousSubjective,
            long drugSpots) {

        public Counts {
            byKind = Map.copyOf(byKind);
            byCategory = Map.copyOf(byCategory);
            crimesBySeverity = Map.copyOf(crimesBySeverity);
        }

        public long kind(String kind) {
            return byKind.getOrDefault(kind, 0L);
        }

        public long category(String code) {
            return byCategory.getOrDefault(code, 0L);
        }

        public long crimes() {
            return kind("CRIME");
        }

        /** Crimes of a class (LESS_SERIOUS, SERIOUS, VERY_SERIOUS, ESPECIALLY_SERIOUS). */
        public long crimes(String severity) {
            return crimesBySeverity.getOrDefault(severity, 0L);
        }

        public long total() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** No crime happened in the unit or under it during the period. */
    public boolean noCrime() {
        return current.crimes() == 0;
    }

    /** No drug user lived in the unit or under it during the period (see {@link OrderFacts}). */
    public boolean noDrugUser() {
        return current.drugUsers() == 0;
    }

    /** This period's count of a kind minus the previous period's. */
    public long change(String kind) {
        return current.kind(kind) - previous.kind(kind);
    }
}
