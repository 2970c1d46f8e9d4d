package vn.tuquan.movement.web;

import java.util.ArrayList;
import java.util.List;
import vn.tuquan.movement.MovementRefusedException;
import vn.tuquan.movement.Title;

/** The decision that awards a household title to the households ticked ({@code householdId}, one per box), as typed. */
public record HouseholdAwardInput(
        List<String> householdId,
        String titleCode,
        String year,
        String decidingBody,
        String decisionNumber,
        String decidedOn)
        implements YearInput {

    /** The households ticked (none when none is). */
    public List<String> ticked() {
        return householdId == null ? List.of() : householdId;
    }

    /** The award's form; an id, year or date that is not one is refused naming its field. */
    Title.HouseholdAwardForm form() {
        List<Long> ids = new ArrayList<>();
        for (String id : ticked()) {
            try {
                ids.add(Long.valueOf(id.strip()));
            } catch (NumberFormatException e) {
                throw new MovementRefusedException("householdIds", "movement.error.number");
            }
        }
        return new Title.HouseholdAwardForm(
                titleCode,
                FormText.number(year, "year"),
                ids,
                decidingBody,
                decisionNumber,
                FormText.date(decidedOn, "decidedOn"));
    }
}
