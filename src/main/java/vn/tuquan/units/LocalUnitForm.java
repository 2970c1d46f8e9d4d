package vn.tuquan.units;

/**
 * A residential area or an organisation as a person enters it.
 *
 * @param subkind      e.g. THON, XOM, AP, BAN, TO_DAN_PHO, KHU_PHO for a residential area; free for others
 * @param code         an own code, optional
 * @param organisation the evaluation's facts about an organisation; {@code null} for a residential area
 */
public record LocalUnitForm(
        UnitKind kind, String subkind, String code, String name, OrganisationDetails organisation) {}
