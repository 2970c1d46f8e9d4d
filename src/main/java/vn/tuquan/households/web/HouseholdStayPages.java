package vn.tuquan.households.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.households.Household;
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.Households;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * One household of an area: its stays (where it lived, from when to when, with which code) and
 * moving it to another residential area of the caller's capture scope.
 */
@Controller
@RequestMapping("/households/areas/{areaId}/households/{householdId}")
@Requires(Permission.MOVEMENT_READ)
class HouseholdStayPages {

    static final int MAX_TARGETS = 1000;

    /** A stay as the page shows it, with the area's name and id ({@code null} outside the caller's view). */
    record Stay(String areaName, Long areaId, String code, LocalDate from, LocalDate to) {}

    /** An area the household can move to. */
    record Target(long id, String name) {}

    private final Households households;
    private final Units units;
    private final RefusalMessages refusals;

    HouseholdStayPages(Households households, Units units, RefusalMessages refusals) {
        this.households = households;
        this.units = units;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@PathVariable long areaId, @PathVariable long householdId, Model model) {
        households.area(CurrentCaller.view(), areaId, Dates.today());
        fill(areaId, householdId, model);
        return "households/showHousehold";
    }

    @PostMapping("/move")
    @Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
    String move(
            @PathVariable long areaId,
            @PathVariable long householdId,
            @RequestParam(required = false) Long toAreaId,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            Model model,
            RedirectAttributes redirect) {
        households.area(CurrentCaller.capture(), areaId, Dates.today());
        LocalDate day = on == null ? Dates.today() : on;
        try {
            if (toAreaId == null) {
                throw new HouseholdRefusedException("households.move.noTarget");
            }
            Household moved = households.move(CurrentCaller.get(), householdId, toAreaId, code, day);
            redirect.addFlashAttribute("movedTo", units.fullName(CurrentCaller.view(), moved.areaId(), day));
            return "redirect:/households/areas/" + moved.areaId() + "/households/" + householdId;
        } catch (HouseholdRefusedException e) {
            fill(areaId, householdId, model);
            model.addAttribute("error", refusals.message(e));
            model.addAttribute("toAreaId", toAreaId);
            model.addAttribute("code", code);
            model.addAttribute("on", day);
            return "households/showHousehold";
        }
    }

    private void fill(long areaId, long householdId, Model model) {
        LocalDate today = Dates.today();
        Scope view = CurrentCaller.view();
        List<Household> history = households.historyIn(view, areaId, householdId);
        Household last = history.get(history.size() - 1);
        List<Stay> stays = history.stream().map(h -> stay(view, h, today)).toList();
        boolean living = last.validTo() == null;
        boolean canWrite = living && units.writable(CurrentCaller.get(), Permission.MOVEMENT_WRITE, last.areaId());
        model.addAttribute("areaId", areaId);
        model.addAttribute("household", last);
        model.addAttribute("stays", stays);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("targets", canWrite ? targets(last.areaId(), today) : List.of());
        model.addAttribute("toAreaId", null);
        model.addAttribute("code", last.code());
        model.addAttribute("on", today);
    }

    /** A stay with its area's name, or without it when the area lies outside the caller's view. */
    private Stay stay(Scope view, Household h, LocalDate today) {
        LocalDate on = h.validTo() == null ? today : h.validTo().minusDays(1);
        boolean visible = units.contains(view, h.areaId(), on);
        return new Stay(
                visible ? units.fullName(view, h.areaId(), on) : null,
                visible ? h.areaId() : null,
                h.code(),
                h.validFrom(),
                h.validTo());
    }

    /**
     * The residential areas the caller may write and the household may move to: those of the same
     * commune when the caller's capture scope holds it, else every area of the capture scope.
     */
    private List<Target> targets(long currentAreaId, LocalDate today) {
        Scope capture = CurrentCaller.capture();
        UnitView current = households.area(CurrentCaller.view(), currentAreaId, today);
        List<UnitView> found = new ArrayList<>();
        if (current.parentId() != null && units.contains(capture, current.parentId(), today)) {
            found.addAll(
                    units.subtree(capture, current.parentId(), Set.of(UnitKind.RESIDENTIAL_AREA), today, MAX_TARGETS, 0)
                            .units());
        } else {
            for (UnitView root : units.roots(capture, today)) {
                if (root.kind() == UnitKind.RESIDENTIAL_AREA) {
                    found.add(root);
                } else {
                    found.addAll(
                            units.subtree(capture, root.id(), Set.of(UnitKind.RESIDENTIAL_AREA), today, MAX_TARGETS, 0)
                                    .units());
                }
            }
        }
        return found.stream()
                .filter(u -> u.id() != currentAreaId)
                .distinct()
                .limit(MAX_TARGETS)
                .map(u -> new Target(u.id(), units.fullName(capture, u.id(), today)))
                .sorted(Comparator.comparing(Target::name, VietnameseText.NATURAL))
                .toList();
    }
}
