/**
 * The criteria of the safety standard as code: pure Java (no Spring, no database), each criterion a
 * named class tested alone. Which criteria apply to which unit kind with which thresholds is data
 * (the rulebooks); see {@link vn.tuquan.evaluation.rules.CriteriaSet}.
 */
package vn.tuquan.evaluation.rules;
