package vn.tuquan.units.web;

import vn.tuquan.units.UnitView;

/**
 * The fields of the page form for a residential area or organisation, as typed (text, so that a
 * wrong number is shown back beside its field instead of failing the binding).
 */
public class LocalUnitPageForm {

    private String kind = "";
    private String subkind = "";
    private String code = "";
    private String name = "";
    private String sector = "";
    private String hasPartyOrganisation = "";
    private String staffCount = "";
    private String exclusion = "";
    private String validFrom = "";

    static LocalUnitPageForm of(UnitView unit, String validFrom) {
        LocalUnitPageForm form = new LocalUnitPageForm();
        form.kind = unit.kind().name();
        form.subkind = nonNull(unit.subkind());
        form.code = nonNull(unit.code());
        form.name = nonNull(unit.name());
        if (unit.organisation() != null) {
            form.sector = nonNull(unit.organisation().sector());
            form.hasPartyOrganisation = unit.organisation().hasPartyOrganisation() == null
                    ? ""
                    : unit.organisation().hasPartyOrganisation().toString();
            form.staffCount = unit.organisation().staffCount() == null
                    ? ""
                    : unit.organisation().staffCount().toString();
            form.exclusion = unit.organisation().exclusion() == null
                    ? ""
                    : unit.organisation().exclusion().name();
        }
        form.validFrom = validFrom;
        return form;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubkind() {
        return subkind;
    }

    public void setSubkind(String subkind) {
        this.subkind = subkind;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public String getHasPartyOrganisation() {
        return hasPartyOrganisation;
    }

    public void setHasPartyOrganisation(String hasPartyOrganisation) {
        this.hasPartyOrganisation = hasPartyOrganisation;
    }

    public String getStaffCount() {
        return staffCount;
    }

    public void setStaffCount(String staffCount) {
        this.staffCount = staffCount;
    }

    public String getExclusion() {
        return exclusion;
    }

    public void setExclusion(String exclusion) {
        this.exclusion = exclusion;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }
}
