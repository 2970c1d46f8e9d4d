package vn.tuquan.households;

import java.time.LocalDate;

/** A household's recorded registration and commitment for a period. */
public record Commitment(
        long householdId,
        int periodYear,
        LocalDate registeredOn,
        boolean signed,
        boolean selfManage,
        boolean selfPrevent,
        boolean selfProtect,
        String recordedBy) {

    /** The same commitment as a form, to show it for correction. */
    public CommitmentForm form() {
        return new CommitmentForm(registeredOn, signed, selfManage, selfPrevent, selfProtect);
    }
}
