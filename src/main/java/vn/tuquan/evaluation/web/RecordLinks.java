package vn.tuquan.evaluation.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.tuquan.evaluation.rules.Fact;
import vn.tuquan.order.FactWindow;
import vn.tuquan.order.IncidentKind;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.Permission;
import vn.tuquan.units.UnitKind;

/**
 * Where the records behind a computed value live, one click away, listing exactly what was counted:
 * the same unit (and the units under it on the tree the facts were counted on), the same year and
 * window ({@link FactWindow}: a commune's and an organisation's counts are in the organisations'
 * period, {@code periodOf=organisation}), the same categories, kinds, classes and conditions.
 * Incidents → the incidents list with its filters; households and commitments → the households
 * pages; drug users and re-education cases → the persons' lists (only with SENSITIVE_READ);
 * mediations, models, hotspots → their lists; the children's verdicts → the children on the same
 * page. A sum of several counts ({@code a+b+c}, "Tổng số") links to one list of all of them when they
 * differ in one filter only. {@code null} when there is no such list or the caller may not open it.
 */
final class RecordLinks {

    private RecordLinks() {}

    /** A list and its query: the parameters in order, each with its values (several: any of them). */
    private record Link(String path, Map<String, List<String>> query, String fragment) {

        String url() {
            List<String> parts = new ArrayList<>();
            query.forEach((name, values) -> values.forEach(v -> parts.add(name + "=" + encode(v))));
            return path + (parts.isEmpty() ? "" : "?" + String.join("&", parts)) + (fragment == null ? "" : fragment);
        }
    }

    static String of(String item, long unitId, String unitKind, int year, Caller caller) {
        if (item == null || item.isBlank()) {
            return null;
        }
        List<Link> links = new ArrayList<>();
        for (String key : item.split("\\+")) {
            Link link = link(key.strip(), unitId, unitKind, year, caller);
            if (link == null) {
                return null;
            }
            links.add(link);
        }
        Link merged = merge(links);
        return merged == null ? null : merged.url();
    }

    /**
     * One link for a sum: the lists must be the same, with the same parameters, and differ in the
     * values of one parameter at most (the values are then all asked for); otherwise none.
     */
    private static Link merge(List<Link> links) {
        Link first = links.get(0);
        if (links.size() == 1) {
            return first;
        }
        String varying = null;
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Link l : links) {
            if (!l.path().equals(first.path())
                    || !l.query().keySet().equals(first.query().keySet())
                    || !Objects.equals(l.fragment(), first.fragment())) {
                return null;
            }
        }
        for (String name : first.query().keySet()) {
            Set<String> values = new LinkedHashSet<>();
            boolean same = true;
            for (Link l : links) {
                values.addAll(l.query().get(name));
                same &= l.query().get(name).equals(first.query().get(name));
            }
            if (!same) {
                if (varying != null) {
                    return null;
                }
                varying = name;
            }
            query.put(name, new ArrayList<>(values));
        }
        return new Link(first.path(), query, first.fragment());
    }

    private static Link link(String item, long unitId, String unitKind, int year, Caller caller) {
        String key = item;
        int y = year;
        if (key.startsWith("previous.")) {
            key = key.substring("previous.".length());
            y = year - 1;
        }
        UnitKind kind = kind(unitKind);
        FactWindow window = kind == null ? FactWindow.RESIDENTIAL_AREA : FactWindow.of(kind);
        boolean area = kind == UnitKind.RESIDENTIAL_AREA;
        boolean order = caller.can(Permission.ORDER_READ);
        boolean movement = caller.can(Permission.MOVEMENT_READ);
        boolean sensitive = order && caller.can(Permission.SENSITIVE_READ);
        String units = "/order/units/" + unitId;
        if (key.startsWith("incidents.") || key.startsWith("crimes.")) {
            if (!order) {
                return null;
            }
            Map<String, List<String>> q = period(unitId, y, window);
            if (key.startsWith("incidents.kind.")) {
                q.put("kind", List.of(key.substring("incidents.kind.".length())));
            } else if (key.startsWith("incidents.category.")) {
                q.put("category", List.of(key.substring("incidents.category.".length())));
            } else if (key.startsWith("crimes.severity.")) {
                q.put("kind", List.of(IncidentKind.CRIME.name()));
                q.put("severity", List.of(key.substring("crimes.severity.".length())));
            } else if (key.equals(Fact.SERIOUS_SUBJECTIVE_FIRES_ACCIDENTS)) {
                q.put(
                        "kind",
                        Arrays.stream(IncidentKind.values())
                                .filter(IncidentKind::hasSubjectiveCause)
                                .map(Enum::name)
                                .toList());
                q.put("severity", List.of("SERIOUS"));
                q.put("subjective", List.of("true"));
            } else {
                return null;
            }
            return new Link("/order/incidents", q, null);
        }
        if (key.startsWith("households.")) {
            return movement && area ? new Link("/households/areas/" + unitId + "/commitments", year(y), null) : null;
        }
        if (key.startsWith("staff.")) {
            return movement && kind != null && kind.organisation()
                    ? new Link("/households/organisations/" + unitId + "/commitments", year(y), null)
                    : null;
        }
        if (key.startsWith("drugUsers.")) {
            if (!sensitive) {
                return null;
            }
            Map<String, List<String>> q = window(y, window);
            if (key.equals(Fact.DRUG_USERS_NEW)) {
                q.put("newOnly", List.of("true"));
            } else if (!key.equals(Fact.DRUG_USERS_PRESENT)) {
                return null;
            }
            return new Link(units + "/drug-users", q, null);
        }
        if (key.startsWith("reEducations.")) {
            if (!sensitive) {
                return null;
            }
            Map<String, List<String>> q = window(y, window);
            q.put("startedOnly", List.of("true"));
            return new Link(units + "/re-educations", q, null);
        }
        if (key.startsWith("mediations.")) {
            if (!order) {
                return null;
            }
            Map<String, List<String>> q = window(y, window);
            if (key.equals(Fact.MEDIATIONS_RECONCILED)) {
                q.put("outcome", List.of("RECONCILED"));
            }
            return new Link(units + "/mediations", q, null);
        }
        if (key.equals(Fact.DRUG_SPOTS)) {
            if (!order) {
                return null;
            }
            Map<String, List<String>> q = period(unitId, y, window);
            q.put("kind", List.of("DRUGS"));
            q.put("unsettled", List.of("true"));
            return new Link("/order/hotspots", q, null);
        }
        if (key.equals(Fact.MODELS_EFFECTIVE)) {
            if (!movement) {
                return null;
            }
            Map<String, List<String>> q = year(y);
            q.put("effective", List.of("true"));
            return new Link("/movement/units/" + unitId, q, "#models");
        }
        if (key.startsWith("children.")) {
            Map<String, List<String>> q = new LinkedHashMap<>();
            String rest = key.substring("children.".length());
            if (rest.startsWith("residentialAreas.")) {
                q.put("childKind", List.of(UnitKind.RESIDENTIAL_AREA.name()));
                rest = rest.substring("residentialAreas.".length());
            }
            if (rest.startsWith("registered") || rest.startsWith("recognised")) {
                q.put("children", List.of(rest.startsWith("registered") ? "registered" : "recognised"));
            }
            return new Link("/evaluation/units/" + unitId + "/years/" + y, q, "#children");
        }
        return null;
    }

    /** The unit, the year and the window of a list that takes its unit as a parameter. */
    private static Map<String, List<String>> period(long unitId, int year, FactWindow window) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("unit", List.of(Long.toString(unitId)));
        q.putAll(window(year, window));
        return q;
    }

    private static Map<String, List<String>> window(int year, FactWindow window) {
        Map<String, List<String>> q = year(year);
        q.put("periodOf", List.of(window.param()));
        return q;
    }

    private static Map<String, List<String>> year(int year) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("year", List.of(Integer.toString(year)));
        return q;
    }

    private static UnitKind kind(String unitKind) {
        try {
            return unitKind == null ? null : UnitKind.valueOf(unitKind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
