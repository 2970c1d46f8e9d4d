package vn.tuquan.households;

import java.time.LocalDate;

/** A household's registration and commitment for a period: the date and the three pledges. */
public record CommitmentForm(
        LocalDate registeredOn, boolean signed, boolean selfManage, boolean selfPrevent, boolean selfProtect) {

    /** Registered and signed with all three pledges, as a village head ticks it. */
    public static CommitmentForm full(LocalDate on) {
        return new CommitmentForm(on, true, true, true, true);
    }
}
