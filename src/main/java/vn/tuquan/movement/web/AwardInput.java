package vn.tuquan.movement.web;

import vn.tuquan.movement.Title;

/** The form that awards a title to the unit or to a person of it, as typed. */
public record AwardInput(
        String titleCode, String year, String personName, String decidingBody, String decisionNumber, String decidedOn)
        implements YearInput {

    /** The award's form; a year or date that is not one is refused naming its field. */
    Title.AwardForm form() {
        return new Title.AwardForm(
                titleCode,
                FormText.number(year, "year"),
                personName,
                decidingBody,
                decisionNumber,
                FormText.date(decidedOn, "decidedOn"));
    }
}
