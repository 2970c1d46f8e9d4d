package vn.tuquan.evaluation.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.evaluation.ClassificationRefusedException;
import vn.tuquan.evaluation.Classifications;
import vn.tuquan.evaluation.Explanation;
import vn.tuquan.evaluation.Explanations;
import vn.tuquan.shared.AccessRefusedException;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The "evaluation" area: its index (the caller's units for a year, with the links to their
 * explanations, runs, process pages and the rulebooks) and the explanation of one unit's verdict for
 * one year, with its movement classification.
 */
@Controller
@Requires(Permission.EVALUATION_READ)
class ExplanationPages {

    /** Roots shown with their children on the index when there are at most this many. */
    private static final int EXPAND_ROOTS = 5;

    private final Explanations explanations;
    private final Classifications classifications;
    private final ExplanationViews views;
    private final Units units;
    private final RefusalMessages refusals;

    ExplanationPages(
            Explanations explanations,
            Classifications classifications,
            ExplanationViews views,
            Units units,
            RefusalMessages refusals) {
        this.explanations = explanations;
        this.classifications = classifications;
        this.views = views;
        this.units = units;
        this.refusals = refusals;
    }

    record IndexUnit(long id, String name, String kind, int depth, int year) {}

    /**
     * The caller's units, each linking to its explanation and process of the year asked, or else of the
     * period in force today for its kind (a village's and its commune's differ from 1/11 to 15/11); the
     * page states both periods of the year.
     */
    @GetMapping("/evaluation")
    String index(@RequestParam(required = false) Integer year, Model model) {
        Caller caller = CurrentCaller.get();
        LocalDate today = Dates.today();
        List<UnitView> roots = units.roots(caller.view(), today);
        List<IndexUnit> rows = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (UnitView root : roots) {
            rows.add(row(root, locale, 0, year));
            if (roots.size() <= EXPAND_ROOTS) {
                for (UnitView child : units.children(caller.view(), root.id(), today)) {
                    rows.add(row(child, locale, 1, year));
                }
            }
        }
        model.addAttribute("year", year == null ? Years.current(UnitKind.RESIDENTIAL_AREA) : year);
        model.addAttribute("chosen", year != null);
        model.addAttribute(
                "areas",
                year == null ? UnitKind.RESIDENTIAL_AREA.periodOn(today) : UnitKind.RESIDENTIAL_AREA.period(year));
        model.addAttribute(
                "organisations", year == null ? UnitKind.COMMUNE.periodOn(today) : UnitKind.COMMUNE.period(year));
        model.addAttribute("rows", rows);
        return "evaluation/showEvaluation";
    }

    private static IndexUnit row(UnitView u, Locale locale, int depth, Integer year) {
        return new IndexUnit(
                u.id(),
                new Named(u.name(), u.nameEn()).in(locale),
                u.kind().name(),
                depth,
                year == null ? Years.current(u.kind()) : year);
    }

    /** "Xem năm khác" on a unit's explanation: the same unit's explanation of the year asked (its kind's current one by default). */
    @GetMapping("/evaluation/units/{unitId}")
    String otherYear(@PathVariable long unitId, @RequestParam(required = false) Integer year) {
        UnitView unit = units.latest(CurrentCaller.view(), unitId)
                .orElseThrow(() -> new AccessRefusedException("no unit " + unitId));
        int y = year == null || year < 2000 || year > 2200 ? Years.current(unit.kind()) : year;
        return "redirect:/evaluation/units/" + unit.id() + "/years/" + y;
    }

    /**
     * The explanation. {@code children} ({@code registered}, {@code recognised}) and {@code childKind}
     * narrow the children shown to those a {@code children.*} fact counted: "Xem hồ sơ" of such a fact.
     */
    @GetMapping("/evaluation/units/{unitId}/years/{year}")
    String explain(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam(required = false) String children,
            @RequestParam(required = false) String childKind,
            Model model) {
        Caller caller = CurrentCaller.get();
        Explanation explanation = explanations.explain(caller.view(), unitId, year);
        model.addAttribute("view", views.of(explanation, caller));
        String which = "registered".equals(children) || "recognised".equals(children) ? children : null;
        String kind = "RESIDENTIAL_AREA".equals(childKind) ? childKind : null;
        boolean filtered = which != null || kind != null;
        model.addAttribute("childrenFiltered", filtered);
        model.addAttribute(
                "shownChildren",
                !filtered
                        ? explanation.children()
                        : explanation.children().stream()
                                .filter(c -> c.counted()
                                        && (kind == null || kind.equals(c.kind()))
                                        && (which == null
                                                || ("registered".equals(which) ? c.registered() : c.recognised())))
                                .toList());
        model.addAttribute("childrenFilter", which == null ? "all" : which);
        model.addAttribute("childKind", kind == null ? "ALL" : kind);
        model.addAttribute("english", Named.english());
        model.addAttribute("canWrite", caller.can(Permission.EVALUATION_WRITE));
        return "evaluation/showExplanation";
    }

    @PostMapping("/evaluation/units/{unitId}/years/{year}/classification")
    @Requires({Permission.EVALUATION_READ, Permission.EVALUATION_WRITE})
    String classify(@PathVariable long unitId, @PathVariable int year, RedirectAttributes redirect) {
        try {
            classifications.compute(CurrentCaller.get(), unitId, year);
            redirect.addFlashAttribute("classified", true);
        } catch (ClassificationRefusedException e) {
            redirect.addFlashAttribute("error", refusals.why(e.problems().get(0)));
        }
        return "redirect:/evaluation/units/" + unitId + "/years/" + year + "#classification";
    }

    @PostMapping("/evaluation/units/{unitId}/years/{year}/classification/entries")
    @Requires({Permission.EVALUATION_READ, Permission.EVALUATION_WRITE})
    String enter(
            @PathVariable long unitId,
            @PathVariable int year,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String points,
            @RequestParam(required = false) String evidence,
            RedirectAttributes redirect) {
        try {
            BigDecimal value;
            try {
                value = points == null || points.isBlank()
                        ? null
                        : new BigDecimal(points.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                value = BigDecimal.valueOf(-1);
            }
            classifications.enter(CurrentCaller.get(), unitId, year, item, value, evidence);
            redirect.addFlashAttribute("entered", true);
        } catch (ClassificationRefusedException e) {
            redirect.addFlashAttribute("error", refusals.message(e));
            redirect.addFlashAttribute("errorField", e.field());
        }
        return "redirect:/evaluation/units/" + unitId + "/years/" + year + "#classification";
    }
}
