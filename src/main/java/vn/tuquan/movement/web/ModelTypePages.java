package vn.tuquan.movement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.movement.ModelType;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.movement.MovementRefusedException;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitKind;

/** The catalogue of model types, and its editor for a provincial administrator. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class ModelTypePages {

    private final ModelTypes types;
    private final SheetExports exports;
    private final MessageSource messages;

    ModelTypePages(ModelTypes types, SheetExports exports, MessageSource messages) {
        this.types = types;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping(path = "/movement/model-types.xlsx", produces = SheetExports.XLSX)
    void export(HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        String yes = messages.getMessage("movement.yes", null, locale);
        exports.send(
                response,
                "danh-muc-mo-hinh.xlsx",
                SheetExports.Layout.of(
                        "movement.types.sheet",
                        List.of(
                                "movement.field.code",
                                "movement.types.nameVi",
                                "movement.types.nameEn",
                                "movement.types.kinds",
                                "movement.pledge.selfManage",
                                "movement.pledge.selfPrevent",
                                "movement.pledge.selfProtect",
                                "movement.types.active")),
                rows -> types.each(t -> rows.row(
                        t.code(),
                        t.nameVi(),
                        t.nameEn(),
                        String.join(
                                "; ",
                                t.unitKinds().stream()
                                        .sorted()
                                        .map(k -> messages.getMessage("units.kind." + k, null, locale))
                                        .toList()),
                        t.selfManage() ? yes : null,
                        t.selfPrevent() ? yes : null,
                        t.selfProtect() ? yes : null,
                        t.active() ? yes : null)));
    }

    @GetMapping("/movement/model-types")
    String list(@RequestParam(required = false) String code, Model model) {
        ModelType editing = code == null ? null : types.find(code).orElse(null);
        Map<String, Object> input = editing == null
                ? Map.of("active", true)
                : Map.of(
                        "code",
                        editing.code(),
                        "nameVi",
                        editing.nameVi(),
                        "nameEn",
                        editing.nameEn(),
                        "unitKinds",
                        editing.unitKinds(),
                        "selfManage",
                        editing.selfManage(),
                        "selfPrevent",
                        editing.selfPrevent(),
                        "selfProtect",
                        editing.selfProtect(),
                        "active",
                        editing.active());
        return show(input, null, model);
    }

    @PostMapping("/movement/model-types")
    @Requires(Permission.MOVEMENT_WRITE)
    String save(@ModelAttribute("form") ModelTypeInput form, Model model, RedirectAttributes redirect) {
        try {
            ModelType saved = types.save(CurrentCaller.get(), form.type());
            redirect.addFlashAttribute("savedName", saved.nameVi());
            return "redirect:/movement/model-types";
        } catch (MovementRefusedException e) {
            return show(form.shown(), e, model);
        }
    }

    private String show(Map<String, Object> input, MovementRefusedException error, Model model) {
        model.addAttribute("types", types.all());
        model.addAttribute("editable", types.editable(CurrentCaller.get()));
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("input", input);
        model.addAttribute("error", error);
        model.addAttribute("english", Named.english());
        return "movement/editModelTypes";
    }
}
