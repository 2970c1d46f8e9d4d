package vn.tuquan.movement.web;

/** A form that gives a year (an assessment, an award): its page comes back to that year's summary. */
interface YearInput {

    /** The year as typed. */
    String year();
}
