package vn.tuquan.shared;

import java.time.LocalDate;

/**
 * An evaluation period, named by its year, with its first and last day (both included). The window
 * depends on the regulation in force (RULEBOOK.md): for residential areas TT 23/2012 counts from
 * 31 October of the year before to 31 October, TT 124/2021 (in force from 10 February 2022) from
 * 1 November of the year before to 31 October.
 */
public record Period(int year, LocalDate from, LocalDate to) {

    /** The day TT 124/2021/TT-BCA came into force. */
    public static final LocalDate TT_124_IN_FORCE = LocalDate.of(2022, 2, 10);

    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    /** A residential area's period "year", under the regulation in force at its end. */
    public static Period residentialArea(int year) {
        LocalDate end = LocalDate.of(year, 10, 31);
        if (end.isBefore(TT_124_IN_FORCE)) {
            return new Period(year, LocalDate.of(year - 1, 10, 31), end);
        }
        return new Period(year, LocalDate.of(year - 1, 11, 1), end);
    }

    /**
     * An agency's or enterprise's period "year" (communes, agencies, enterprises): TT 23/2012 from
     * 30 November of the year before to 30 November, TT 124/2021 from 16 November of the year before
     * to 15 November.
     */
    public static Period organisation(int year) {
        LocalDate tt23End = LocalDate.of(year, 11, 30);
        if (tt23End.isBefore(TT_124_IN_FORCE)) {
            return new Period(year, LocalDate.of(year - 1, 11, 30), tt23End);
        }
        return new Period(year, LocalDate.of(year - 1, 11, 16), LocalDate.of(year, 11, 15));
    }

    /** The residential areas' period a day falls in (the one ending that day, when two share it). */
    public static Period residentialAreaOn(LocalDate date) {
        Period period = residentialArea(date.getYear());
        return period.contains(date) ? period : residentialArea(date.getYear() + 1);
    }

    /** The organisations' period a day falls in (the one ending that day, when two share it). */
    public static Period organisationOn(LocalDate date) {
        Period period = organisation(date.getYear());
        return period.contains(date) ? period : organisation(date.getYear() + 1);
    }

    /** The regulation that defines the window. */
    public String regulation() {
        return to.isBefore(TT_124_IN_FORCE) ? "TT 23/2012/TT-BCA" : "TT 124/2021/TT-BCA";
    }

    /**
     * The first day an event (an incident, a detection) is counted in this period: the day after the
     * period before it ended. It is {@link #from()} except where the regulation lets two periods share
     * a day — under TT 23 the residential areas' 31 October ends one period and starts the next, the
     * organisations' 30 November likewise, and TT 124's first organisations' period (from 16/11/2021)
     * overlaps TT 23's last (to 30/11/2021). Counted from this day every instant belongs to one period
     * only: an incident at 23:59 on 31 October to the period ending that day, one at 00:00 on 1 November
     * to the next.
     */
    public LocalDate firstEventDay() {
        if (equals(residentialArea(year))) {
            return residentialArea(year - 1).to().plusDays(1);
        }
        if (equals(organisation(year))) {
            return organisation(year - 1).to().plusDays(1);
        }
        return from;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
