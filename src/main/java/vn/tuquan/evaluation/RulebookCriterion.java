package vn.tuquan.evaluation;

import java.util.Map;

/**
 * One criterion of a version for a unit kind, as stored: for the pages and the API.
 *
 * @param toConfirm its text was not found in the regulation (RULEBOOK.md): shown as "to confirm"
 *                  until a provincial administrator confirms it for their province
 */
public record RulebookCriterion(
        String unitKind,
        int position,
        String criterion,
        Map<String, String> params,
        boolean editable,
        boolean provincial,
        String article,
        String nameVi,
        String nameEn,
        boolean toConfirm) {}
