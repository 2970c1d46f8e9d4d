package vn.tuquan.evaluation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.evaluation.AdoptingRulebooks;
import vn.tuquan.evaluation.CriterionAddition;
import vn.tuquan.evaluation.CriterionAdjustment;
import vn.tuquan.evaluation.CriterionConfirmation;
import vn.tuquan.evaluation.RulebookAdoption;
import vn.tuquan.evaluation.RulebookCriterion;
import vn.tuquan.evaluation.RulebookRefusedException;
import vn.tuquan.evaluation.RulebookVersion;
import vn.tuquan.evaluation.RulebookVersionDetail;
import vn.tuquan.evaluation.Rulebooks;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The rulebooks page ({@code /evaluation/rulebooks}: the versions, one version's criteria per unit
 * kind with articles, names, thresholds and editable marks) and a province's adoption form
 * ({@code /evaluation/units/{unitId}/rulebooks}, for a provincial administrator).
 */
@Controller
@Requires(Permission.EVALUATION_READ)
class RulebookPages {

    /** A form input for an editable criterion's param: {@code p.<unit kind>.<criterion>.<param>}. */
    static final String PARAM = "p.";

    private final Rulebooks rulebooks;
    private final AdoptingRulebooks adopting;
    private final Units units;
    private final RefusalMessages refusals;

    RulebookPages(Rulebooks rulebooks, AdoptingRulebooks adopting, Units units, RefusalMessages refusals) {
        this.rulebooks = rulebooks;
        this.adopting = adopting;
        this.units = units;
        this.refusals = refusals;
    }

    /**
     * The versions and one version's criteria. A criterion marked "to confirm" (its text not found in
     * the regulation, RULEBOOK.md) says so; with a province ({@code province}, or the one province of
     * the caller's view scope) the marks are that province's — a criterion it confirmed reads
     * "confirmed" with its note — and a provincial administrator of it gets a form to confirm each.
     */
    @GetMapping("/evaluation/rulebooks")
    String list(@RequestParam(required = false) Long id, @RequestParam(required = false) Long province, Model model) {
        Caller caller = CurrentCaller.get();
        List<RulebookVersion> versions = rulebooks.versions(caller.view());
        LocalDate today = Dates.today();
        long selected = id != null
                ? id
                : rulebooks
                        .inForce("COMMUNE", today, null)
                        .map(f -> f.rulebook().id())
                        .orElse(versions.get(versions.size() - 1).id());
        RulebookVersionDetail detail = rulebooks.version(caller.view(), selected);
        List<UnitView> adoptable = adoptable(caller, today);
        UnitView marksOf = province != null ? rulebooks.requireVisible(caller.view(), province) : ownProvince(caller);
        Map<String, Set<String>> toConfirm = new LinkedHashMap<>();
        for (String kind : detail.criteria().keySet()) {
            toConfirm.put(kind, rulebooks.stillToConfirm(selected, kind, marksOf == null ? null : marksOf.id()));
        }
        Map<String, CriterionConfirmation> confirmed = new LinkedHashMap<>();
        if (marksOf != null) {
            rulebooks
                    .confirmations(marksOf.id(), selected)
                    .forEach(c -> confirmed.put(c.unitKind() + "." + c.criterion(), c));
        }
        model.addAttribute("versions", versions);
        model.addAttribute("detail", detail);
        model.addAttribute("provinces", adoptable);
        model.addAttribute("marksOf", marksOf);
        model.addAttribute("toConfirm", toConfirm);
        model.addAttribute("confirmed", confirmed);
        model.addAttribute(
                "mayConfirm",
                marksOf != null
                        && (detail.rulebook().provinceId() == null
                                || detail.rulebook().provinceId() == marksOf.id())
                        && rulebooks.mayAdopt(caller, marksOf.id()));
        model.addAttribute(
                "provinceChoices",
                caller.view().wholeCountry()
                        ? units.roots(caller.view(), today)
                        : adoptable.size() > 1 ? adoptable : List.of());
        return "evaluation/listRulebooks";
    }

    /** A provincial administrator confirms a criterion marked "to confirm" for their province (audited). */
    @PostMapping("/evaluation/units/{unitId}/rulebooks/{rulebookId}/confirmations")
    @Requires(Permission.EVALUATION_APPROVE)
    String confirm(
            @PathVariable long unitId,
            @PathVariable long rulebookId,
            @RequestParam(required = false) String unitKind,
            @RequestParam(required = false) String criterion,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        String back = "redirect:/evaluation/rulebooks?id=" + rulebookId + "&province=" + unitId + "#c-" + unitKind + "-"
                + criterion;
        try {
            rulebooks.confirm(CurrentCaller.get(), unitId, rulebookId, unitKind, criterion, note);
            redirect.addFlashAttribute("confirmedNow", unitKind + "." + criterion);
        } catch (RulebookRefusedException e) {
            redirect.addFlashAttribute("confirmError", refusals.message(e));
            redirect.addFlashAttribute("confirmErrorAt", unitKind + "." + criterion);
            redirect.addFlashAttribute("confirmNote", note);
        }
        return back;
    }

    /** The one province of the caller's view scope, when it holds exactly one (a provincial or lower officer). */
    private UnitView ownProvince(Caller caller) {
        if (caller.view().wholeCountry()) {
            return null;
        }
        Set<Long> provinces = new LinkedHashSet<>();
        for (long id : caller.view().unitIds()) {
            units.latest(caller.view(), id)
                    .ifPresent(u -> provinces.add(u.unitPath().provinceId()));
        }
        return provinces.size() == 1
                ? units.latest(Scope.WHOLE_COUNTRY, provinces.iterator().next()).orElse(null)
                : null;
    }

    @GetMapping("/evaluation/units/{unitId}/rulebooks")
    @Requires(Permission.EVALUATION_APPROVE)
    String adoptForm(@PathVariable long unitId, Model model) {
        return form(unitId, new LinkedMultiValueMap<>(), null, model);
    }

    @PostMapping("/evaluation/units/{unitId}/rulebooks")
    @Requires(Permission.EVALUATION_APPROVE)
    String adopt(
            @PathVariable long unitId,
            @RequestParam MultiValueMap<String, String> input,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = CurrentCaller.get();
        try {
            rulebooks.inForceFor(caller, unitId, Dates.today()); // the province and the caller's scope first (403)
            LocalDate from = date(input.getFirst("effectiveFrom"));
            RulebookVersionDetail base = rulebooks
                    .inForceFor(caller, unitId, from == null ? Dates.today() : from)
                    .orElse(null);
            RulebookVersionDetail adopted = adopting.adopt(
                    caller, unitId, new RulebookAdoption(from, adjustments(base, input), additions(input)));
            redirect.addFlashAttribute(
                    "adopted",
                    adopted.rulebook().code() + " v" + adopted.rulebook().version());
            return "redirect:/evaluation/rulebooks?id=" + adopted.rulebook().id();
        } catch (RulebookRefusedException e) {
            return form(unitId, input, e, model);
        }
    }

    private String form(long unitId, MultiValueMap<String, String> input, RulebookRefusedException error, Model model) {
        Caller caller = CurrentCaller.get();
        LocalDate today = Dates.today();
        try {
            model.addAttribute(
                    "base", rulebooks.inForceFor(caller, unitId, today).orElse(null));
            model.addAttribute(
                    "province", units.latest(caller.capture(), unitId).orElseThrow());
        } catch (RulebookRefusedException e) {
            model.addAttribute("province", null);
            error = e;
        }
        model.addAttribute("input", input.toSingleValueMap());
        model.addAttribute("error", error == null ? null : refusals.message(error));
        model.addAttribute("errorField", error == null ? null : error.field());
        model.addAttribute("kinds", Rulebooks.UNIT_KINDS);
        model.addAttribute("criteria", rulebooks.criterionNames());
        model.addAttribute("today", today);
        return "evaluation/adoptRulebook";
    }

    /** The provinces the caller may adopt a version for: approvers, the provinces of their capture scope. */
    private List<UnitView> adoptable(Caller caller, LocalDate today) {
        if (!caller.can(Permission.EVALUATION_APPROVE)) {
            return List.of();
        }
        if (caller.capture().wholeCountry()) {
            return units.roots(caller.capture(), today);
        }
        return caller.capture().unitIds().stream()
                .map(id -> units.find(caller.capture(), id, today))
                .flatMap(Optional::stream)
                .filter(u -> u.kind() == UnitKind.PROVINCE)
                .toList();
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RulebookRefusedException("effectiveFrom", "evaluation.rulebooks.error.dateFormat", text);
        }
    }

    /** The params whose value differs from the base version's, per criterion. */
    private static List<CriterionAdjustment> adjustments(
            RulebookVersionDetail base, MultiValueMap<String, String> input) {
        Map<String, Map<String, String>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : input.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            if (!e.getKey().startsWith(PARAM)
                    || parts.length != 4
                    || e.getValue().isEmpty()) {
                continue;
            }
            String value =
                    e.getValue().get(0) == null ? "" : e.getValue().get(0).strip();
            String current = base == null
                    ? null
                    : base.criteria().getOrDefault(parts[1], List.of()).stream()
                            .filter(l -> l.criterion().equals(parts[2]))
                            .findFirst()
                            .map(RulebookCriterion::params)
                            .map(p -> p.get(parts[3]))
                            .orElse(null);
            if (!value.equals(current)) {
                changed.computeIfAbsent(parts[1] + "." + parts[2], k -> new LinkedHashMap<>())
                        .put(parts[3], value);
            }
        }
        List<CriterionAdjustment> adjustments = new ArrayList<>();
        changed.forEach((k, params) -> adjustments.add(
                new CriterionAdjustment(k.substring(0, k.indexOf('.')), k.substring(k.indexOf('.') + 1), params)));
        return adjustments;
    }

    /** The one criterion the form may add, when a criterion is chosen; its params as {@code key=value; key=value}. */
    private static List<CriterionAddition> additions(MultiValueMap<String, String> input) {
        String criterion = input.getFirst("addCriterion");
        if (criterion == null || criterion.isBlank()) {
            return List.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        String text = input.getFirst("addParams");
        for (String pair : text == null ? new String[0] : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new RulebookRefusedException("additions", "evaluation.rulebooks.error.paramFormat", pair.strip());
            }
            params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return List.of(new CriterionAddition(
                input.getFirst("addKind"),
                criterion.strip(),
                params,
                input.getFirst("addArticle"),
                input.getFirst("addNameVi"),
                input.getFirst("addNameEn")));
    }
}
