package vn.tuquan.households;

/** A household as a person enters it. */
public record HouseholdForm(String code, String headName, String address, int members, boolean catholic) {}
