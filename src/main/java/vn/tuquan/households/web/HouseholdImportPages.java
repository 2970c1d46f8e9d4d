package vn.tuquan.households.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import vn.tuquan.households.HouseholdImportRefusedException;
import vn.tuquan.households.HouseholdImports;
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.Households;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.RefusalMessages;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.UnitView;
import vn.tuquan.units.Units;

/**
 * Uploading a file of households (CSV or .xlsx) for a residential area: all or nothing, every bad
 * row shown with its line, column and reason; and the file template to fill in.
 */
@Controller
@RequestMapping("/households/areas/{areaId}/import")
@Requires({Permission.MOVEMENT_READ, Permission.MOVEMENT_WRITE})
class HouseholdImportPages {

    /** One bad row as the page shows it. */
    record Problem(int line, String field, String message) {}

    private final Households households;
    private final HouseholdImports imports;
    private final Units units;
    private final HouseholdSheet sheet;
    private final RefusalMessages refusals;
    private final MessageSource messages;

    HouseholdImportPages(
            Households households,
            HouseholdImports imports,
            Units units,
            HouseholdSheet sheet,
            RefusalMessages refusals,
            MessageSource messages) {
        this.households = households;
        this.imports = imports;
        this.units = units;
        this.sheet = sheet;
        this.refusals = refusals;
        this.messages = messages;
    }

    @GetMapping
    String form(@PathVariable long areaId, Model model) {
        fill(households.area(CurrentCaller.view(), areaId, Dates.today()), Dates.today(), model);
        return "households/importHouseholds";
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(
            @PathVariable long areaId,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model)
            throws IOException {
        UnitView area = households.area(CurrentCaller.capture(), areaId, Dates.today());
        LocalDate on = from == null ? Dates.today() : from;
        fill(area, on, model);
        if (file == null || file.isEmpty()) {
            model.addAttribute(
                    "problems",
                    List.of(new Problem(
                            1,
                            null,
                            messages.getMessage("households.import.empty", null, LocaleContextHolder.getLocale()))));
            return "households/importHouseholds";
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        model.addAttribute("fileName", name);
        try (InputStream in = file.getInputStream()) {
            int added = name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                    ? imports.importXlsx(CurrentCaller.get(), areaId, name, in, on)
                    : imports.importCsv(CurrentCaller.get(), areaId, name, in, on);
            model.addAttribute("imported", added);
        } catch (HouseholdImportRefusedException e) {
            Locale locale = LocaleContextHolder.getLocale();
            model.addAttribute(
                    "problems",
                    e.rows().stream()
                            .map(p -> new Problem(p.line(), p.column(), refusals.why(p, locale)))
                            .toList());
        } catch (HouseholdRefusedException e) {
            model.addAttribute("error", refusals.message(e));
        }
        return "households/importHouseholds";
    }

    @GetMapping("/template.csv")
    ResponseEntity<byte[]> csvTemplate(@PathVariable long areaId) {
        UnitView area = households.area(CurrentCaller.view(), areaId, Dates.today());
        String text = "\uFEFF" + String.join(",", header()) + "\n" + String.join(",", example(area)) + "\n";
        return HouseholdSheet.download(
                "text/csv; charset=UTF-8", "households-template.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/template.xlsx", produces = HouseholdSheet.MEDIA_TYPE)
    void xlsxTemplate(@PathVariable long areaId, HttpServletResponse response) throws IOException {
        UnitView area = households.area(CurrentCaller.view(), areaId, Dates.today());
        sheet.template(response, "households-template.xlsx", header(), example(area));
    }

    /** The template's header in the person's language; the import reads either language's names. */
    private List<String> header() {
        return HouseholdImports.HEADER.stream()
                .map(key -> messages.getMessage(
                        "households.import.header." + key, null, key, LocaleContextHolder.getLocale()))
                .toList();
    }

    /** One example row: the area's own code (or id), a code, a head, an address, members, Catholic. */
    private static List<String> example(UnitView area) {
        String areaCode = area.code() == null || area.code().isBlank() ? Long.toString(area.id()) : area.code();
        return List.of(areaCode, "01", "Nguyễn Văn An", "Số 1", "4", "0");
    }

    private void fill(UnitView area, LocalDate from, Model model) {
        model.addAttribute("area", area);
        model.addAttribute("areaName", units.fullName(CurrentCaller.view(), area.id(), Dates.today()));
        model.addAttribute("from", from);
        model.addAttribute("columns", HouseholdImports.HEADER);
        model.addAttribute("canWrite", units.contains(CurrentCaller.capture(), area.id(), Dates.today()));
    }
}
