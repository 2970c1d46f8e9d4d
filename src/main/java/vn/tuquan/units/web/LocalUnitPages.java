package vn.tuquan.units.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.FieldProblem;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.VietnameseText;
import vn.tuquan.units.LocalUnitRefusedException;
import vn.tuquan.units.LocalUnits;
import vn.tuquan.units.UnitKind;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * The pages where the people responsible for them add, edit, move and close residential areas
 * and organisations, and import many from Excel. Post/redirect/get: success goes to the unit's
 * page with a message; a refusal shows the form again with each problem beside its field.
 */
@Controller
@Requires(Permission.UNITS_WRITE)
class LocalUnitPages {

    static final long MAX_UPLOAD = 5L * 1024 * 1024;

    private final LocalUnitChanges changes;
    private final LocalUnits localUnits;
    private final Units units;
    private final LocalUnitChoices choices;
    private final LocalUnitSheet sheet;
    private final RefusalMessages refusals;

    LocalUnitPages(
            LocalUnitChanges changes,
            LocalUnits localUnits,
            Units units,
            LocalUnitChoices choices,
            LocalUnitSheet sheet,
            RefusalMessages refusals) {
        this.changes = changes;
        this.localUnits = localUnits;
        this.units = units;
        this.choices = choices;
        this.sheet = sheet;
        this.refusals = refusals;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("kinds", LocalUnitChoices.KINDS);
        model.addAttribute("areaSubkinds", LocalUnitChoices.AREA_SUBKINDS);
        model.addAttribute("exclusions", LocalUnitChoices.EXCLUSIONS);
    }

    // ---- create

    @GetMapping("/units/{parentId}/local/new")
    String newForm(@PathVariable long parentId, Model model) {
        LocalUnitPageForm form = new LocalUnitPageForm();
        form.setValidFrom(LocalUnitChoices.today().toString());
        return newPage(parent(parentId), form, Map.of(), model);
    }

    @PostMapping("/units/{parentId}/local/new")
    String create(
            @PathVariable long parentId,
            @ModelAttribute("form") LocalUnitPageForm form,
            Model model,
            RedirectAttributes redirect) {
        UnitView parent = parent(parentId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = date(form.getValidFrom(), "validFrom", problems);
        Integer staff = staffCount(form.getStaffCount(), problems);
        try {
            LocalUnitInput input = input(form, staff);
            if (!problems.isEmpty()) {
                input.check(choices, null, problems);
                LocalUnitInput.refuseIfAny(problems);
            }
            UnitView created = changes.create(parentId, input, from);
            redirect.addFlashAttribute(
                    "flash",
                    choices.render(
                            "units.local.web.created",
                            List.of(LocalUnitChoices.kindKey(created.kind()), created.name()),
                            locale()));
            return "redirect:/units/" + created.id();
        } catch (LocalUnitRefusedException refused) {
            return newPage(parent, form, refusals.byField(refused), model);
        }
    }

    private String newPage(UnitView parent, LocalUnitPageForm form, Map<String, String> errors, Model model) {
        model.addAttribute("parent", parent);
        model.addAttribute("parentName", units.fullName(CurrentCaller.view(), parent.id(), LocalUnitChoices.today()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "units/newLocalUnit";
    }

    // ---- edit, move, close

    @GetMapping("/units/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        UnitView unit = local(id);
        return editPage(
                unit,
                LocalUnitPageForm.of(unit, LocalUnitChoices.today().toString()),
                null,
                LocalUnitChoices.today().toString(),
                LocalUnitChoices.today().toString(),
                Map.of(),
                model);
    }

    @PostMapping("/units/{id}/edit")
    String edit(
            @PathVariable long id,
            @ModelAttribute("form") LocalUnitPageForm form,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = local(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = date(form.getValidFrom(), "validFrom", problems);
        Integer staff = staffCount(form.getStaffCount(), problems);
        try {
            LocalUnitInput input = input(form, staff);
            if (!problems.isEmpty()) {
                input.check(choices, unit.kind(), problems);
                LocalUnitInput.refuseIfAny(problems);
            }
            UnitView edited = changes.edit(id, input, from, "validFrom");
            redirect.addFlashAttribute(
                    "flash", choices.render("units.local.web.edited", List.of(edited.name(), from), locale()));
            return "redirect:/units/" + id;
        } catch (LocalUnitRefusedException refused) {
            form.setKind(unit.kind().name());
            return editPage(
                    unit,
                    form,
                    null,
                    LocalUnitChoices.today().toString(),
                    LocalUnitChoices.today().toString(),
                    refusals.byField(refused),
                    model);
        }
    }

    @PostMapping("/units/{id}/move")
    String move(
            @PathVariable long id,
            @RequestParam(required = false) Long parentId,
            @RequestParam(defaultValue = "") String moveFrom,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = local(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = date(moveFrom, "moveFrom", problems);
        try {
            LocalUnitInput.refuseIfAny(problems);
            UnitView moved = changes.move(id, parentId, from, "moveFrom");
            redirect.addFlashAttribute(
                    "flash",
                    choices.render(
                            "units.local.web.moved",
                            List.of(moved.name(), units.fullName(CurrentCaller.view(), moved.parentId(), from), from),
                            locale()));
            return "redirect:/units/" + id;
        } catch (LocalUnitRefusedException refused) {
            return editPage(
                    unit,
                    LocalUnitPageForm.of(unit, LocalUnitChoices.today().toString()),
                    parentId,
                    moveFrom,
                    LocalUnitChoices.today().toString(),
                    refusals.byField(refused),
                    model);
        }
    }

    @PostMapping("/units/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String closeOn,
            Model model,
            RedirectAttributes redirect) {
        UnitView unit = local(id);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate on = date(closeOn, "closeOn", problems);
        try {
            LocalUnitInput.refuseIfAny(problems);
            changes.close(id, on, "closeOn");
            redirect.addFlashAttribute(
                    "flash", choices.render("units.local.web.closed", List.of(unit.name(), on), locale()));
            return "redirect:/units/" + id;
        } catch (LocalUnitRefusedException refused) {
            return editPage(
                    unit,
                    LocalUnitPageForm.of(unit, LocalUnitChoices.today().toString()),
                    null,
                    LocalUnitChoices.today().toString(),
                    closeOn,
                    refusals.byField(refused),
                    model);
        }
    }

    private String editPage(
            UnitView unit,
            LocalUnitPageForm form,
            Long moveParentId,
            String moveFrom,
            String closeOn,
            Map<String, String> errors,
            Model model) {
        LocalDate today = LocalUnitChoices.today();
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", units.fullName(CurrentCaller.view(), unit.id(), today));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("parents", parentChoices(unit, today));
        model.addAttribute("moveParentId", moveParentId == null ? unit.parentId() : moveParentId);
        model.addAttribute("moveFrom", moveFrom);
        model.addAttribute("closeOn", closeOn);
        return "units/editLocalUnit";
    }

    /** Where a unit can go: its commune, and the residential areas and organisations of the commune (not under itself). */
    private List<UnitView> parentChoices(UnitView unit, LocalDate today) {
        Optional<UnitView> commune = units.ancestors(CurrentCaller.view(), unit.id(), today).stream()
                .filter(u -> u.kind() == UnitKind.COMMUNE)
                .findFirst();
        List<UnitView> parents = new ArrayList<>();
        commune.ifPresent(c -> {
            parents.add(c);
            units
                    .subtree(
                            CurrentCaller.view(),
                            c.id(),
                            Set.of(UnitKind.RESIDENTIAL_AREA, UnitKind.PARISH, UnitKind.INDUSTRIAL_ZONE),
                            today,
                            1000,
                            0)
                    .units()
                    .stream()
                    .filter(u -> !u.path().startsWith(unit.path()))
                    .sorted(Comparator.comparing(UnitView::name, VietnameseText.NATURAL))
                    .forEach(parents::add);
        });
        return parents;
    }

    // ---- Excel

    @GetMapping("/units/{communeId}/local/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable long communeId) {
        UnitView commune = commune(communeId);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("don-vi-" + commune.code() + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(sheet.template(commune.code()));
    }

    @GetMapping("/units/{communeId}/local/import")
    String importForm(@PathVariable long communeId, Model model) {
        return importPage(commune(communeId), LocalUnitChoices.today().toString(), List.of(), model);
    }

    @PostMapping("/units/{communeId}/local/import")
    String importFile(
            @PathVariable long communeId,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String validFrom,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        UnitView commune = commune(communeId);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = date(validFrom, "validFrom", problems);
        Locale locale = locale();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!problems.isEmpty()) {
            problems.forEach(p -> rows.add(row(0, "", refusals.why(p, locale))));
        } else if (file == null || file.isEmpty()) {
            rows.add(row(0, "", choices.render("units.local.web.error.fileRequired", List.of(), locale)));
        } else if (file.getSize() > MAX_UPLOAD) {
            rows.add(row(0, "", choices.render("units.local.web.error.fileTooLarge", List.of(5), locale)));
        } else {
            LocalUnitSheet.Result result;
            try (InputStream in = file.getInputStream()) {
                result = sheet.read(in, from);
            }
            result.problems().forEach(p -> rows.add(row(p.row(), p.column(), refusals.why(p, locale))));
            if (rows.isEmpty()) {
                try {
                    int created = localUnits
                            .createAll(CurrentCaller.get(), result.units(), from)
                            .size();
                    redirect.addFlashAttribute(
                            "flash", choices.render("units.local.web.imported", List.of(created), locale));
                    return "redirect:/units/" + communeId;
                } catch (LocalUnitRefusedException refused) {
                    refused.problems().forEach(p -> rows.add(row(0, "", refusals.why(p, locale))));
                }
            }
        }
        return importPage(commune, validFrom, rows, model);
    }

    private String importPage(UnitView commune, String validFrom, List<Map<String, Object>> problems, Model model) {
        model.addAttribute("commune", commune);
        model.addAttribute("communeName", units.fullName(CurrentCaller.view(), commune.id(), LocalUnitChoices.today()));
        model.addAttribute("validFrom", validFrom);
        model.addAttribute("problems", problems);
        return "units/importLocalUnits";
    }

    private static Map<String, Object> row(int row, String column, String message) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("row", row);
        map.put("column", column);
        map.put("message", message);
        return map;
    }

    // ---- helpers

    private UnitView parent(long id) {
        return units.find(CurrentCaller.view(), id, LocalUnitChoices.today())
                .filter(u -> u.kind() == UnitKind.COMMUNE || !u.kind().official())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private UnitView commune(long id) {
        return units.find(CurrentCaller.view(), id, LocalUnitChoices.today())
                .filter(u -> u.kind() == UnitKind.COMMUNE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private UnitView local(long id) {
        return units.find(CurrentCaller.view(), id, LocalUnitChoices.today())
                .filter(u -> !u.kind().official())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static LocalUnitInput input(LocalUnitPageForm form, Integer staff) {
        Boolean party = form.getHasPartyOrganisation() == null
                        || form.getHasPartyOrganisation().isBlank()
                ? null
                : Boolean.valueOf(form.getHasPartyOrganisation());
        return new LocalUnitInput(
                form.getKind(),
                form.getSubkind(),
                form.getCode(),
                form.getName(),
                form.getSector(),
                party,
                staff,
                form.getExclusion());
    }

    private static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return LocalUnitChoices.today();
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "units.local.web.error.date"));
            return LocalUnitChoices.today();
        }
    }

    private static Integer staffCount(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replace(".", "").replace(",", "").replace(" ", "");
        if (!digits.matches("\\d{1,9}")) {
            problems.add(FieldProblem.of("staffCount", "units.local.web.error.staffCountNumber"));
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
