package vn.tuquan.order;

import vn.tuquan.units.UnitKind;

/**
 * The persons' registers of one unit (with everything under it) for one period, as counts only:
 * nothing personal, readable with ORDER_READ alone.
 *
 * @param newDrugUsers        drug users detected in the period (detected_on within it), residing in the unit or under it
 * @param activeDrugUsers     drug users residing there whose record was active at some time in the period
 *                            (docs/order.md: "has no drug user in the period" means zero here)
 * @param reconciled          mediations held in the period that reconciled the parties
 * @param notReconciled       mediations held in the period that did not
 * @param reEducationsStarted re-education cases started in the period
 * @param reEducationsEnded   re-education cases ended in the period
 * @param reEducationsOpen    re-education cases open on the period's last day
 */
public record PersonCounts(
        long unitId,
        String unitName,
        UnitKind kind,
        int year,
        long newDrugUsers,
        long activeDrugUsers,
        long reconciled,
        long notReconciled,
        long reEducationsStarted,
        long reEducationsEnded,
        long reEducationsOpen) {

    public boolean noDrugUser() {
        return activeDrugUsers == 0;
    }
}
