package vn.tuquan.evaluation.rules;

/**
 * A criterion value entered by a person (a Party resolution in Q1, no commune police officer
 * disciplined …): yes or no, the evidence (a document's number, date or file name) and who entered it.
 */
public record Entry(boolean value, String evidence, String enteredBy) {}
