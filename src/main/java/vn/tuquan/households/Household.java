package vn.tuquan.households;

import java.time.LocalDate;

/**
 * A household as it lives in one area during one stay.
 *
 * @param validTo exclusive end of the stay, {@code null} while it lives there
 */
public record Household(
        long id,
        long areaId,
        String code,
        String headName,
        String address,
        int members,
        boolean catholic,
        LocalDate validFrom,
        LocalDate validTo) {}
