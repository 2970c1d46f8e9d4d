package vn.tuquan.households;

/**
 * The share of resident households of an area (those living there at the period's end) that
 * registered for the period: RULEBOOK criterion 1 asks for 100%.
 */
public record RegistrationRate(long areaId, int year, long residents, long registered, long signed) {

    /** Percent registered, 0 when no one lives there. */
    public double percent() {
        return residents == 0 ? 0 : 100.0 * registered / residents;
    }

    /** Whole percent, rounded down so that 100 means everyone. */
    public int wholePercent() {
        return residents == 0 ? 0 : (int) (100 * registered / residents);
    }

    public boolean complete() {
        return residents > 0 && registered == residents;
    }
}
