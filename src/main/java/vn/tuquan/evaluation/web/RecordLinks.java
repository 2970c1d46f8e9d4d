package vn.tuquan.evaluation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;

/**
 * Where the records behind a computed value live, one click away: incidents of the unit in the
 * period → the incidents list with its filters; households and commitments → the households pages;
 * drug users and re-education cases → the persons' lists (only with SENSITIVE_READ); mediations,
 * models, hotspots → their pages; the children's verdicts → the children's list on the same page.
 * {@code null} when there is no such page or the caller may not open it.
 */
final class RecordLinks {

    private RecordLinks() {
    }

    static String of(String item, long unitId, String unitKind, int year, Caller caller) {
        if (item == null) {
            return null;
        }
        String key = item;
        int y = year;
        if (key.startsWith("previous.")) {
            key = key.substring("previous.".length());
            y = year - 1;
        }
        boolean organisation = !"RESIDENTIAL_AREA".equals(unitKind) && !"COMMUNE".equals(unitKind);
        String incidents = "/order/incidents?unit=" + unitId + "&year=" + y + (organisation ? "&periodOf=organisation" : "");
        boolean order = caller.can(Permission.ORDER_READ);
        boolean movement = caller.can(Permission.MOVEMENT_READ);
        boolean sensitive = order && caller.can(Permission.SENSITIVE_READ);
        if (key.startsWith("incidents.kind.")) {
            return order ? incidents + "&kind=" + encode(key.substring("incidents.kind.".length())) : null;
        }
        if (key.startsWith("incidents.category.")) {
            return order ? incidents + "&category=" + encode(key.substring("incidents.category.".length())) : null;
        }
        if (key.startsWith("crimes.severity.")) {
            return order ? incidents + "&kind=CRIME&severity=" + encode(key.substring("crimes.severity.".length())) : null;
        }
        if (key.startsWith("incidents.")) {
            return order ? incidents : null;
        }
        if (key.startsWith("households.")) {
            return movement && "RESIDENTIAL_AREA".equals(unitKind)
                    ? "/households/areas/" + unitId + "/commitments?year=" + y : null;
        }
        if (key.startsWith("staff.")) {
            return movement && organisation ? "/households/organisations/" + unitId + "/commitments?year=" + y : null;
        }
        if (key.equals("drugUsers.new")) {
            return sensitive ? "/order/units/" + unitId + "/drug-users?year=" + y + "&newOnly=true" : null;
        }
        if (key.startsWith("drugUsers.")) {
            return sensitive ? "/order/units/" + unitId + "/drug-users?year=" + y : null;
        }
        if (key.startsWith("reEducations.")) {
            return sensitive ? "/order/units/" + unitId + "/re-educations?year=" + y : null;
        }
        if (key.startsWith("mediations.")) {
            return order ? "/order/units/" + unitId + "/mediations?year=" + y : null;
        }
        if (key.startsWith("hotspots.")) {
            return order ? "/order/hotspots?unit=" + unitId + "&kind=DRUGS" : null;
        }
        if (key.startsWith("models.")) {
            return movement ? "/movement/units/" + unitId : null;
        }
        if (key.startsWith("children.")) {
            return "/evaluation/units/" + unitId + "/years/" + y + "#children";
        }
        return null;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
