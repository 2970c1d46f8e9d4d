package vn.tuquan.movement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tuquan.movement.Camera;
import vn.tuquan.movement.Models;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.Scope;
import vn.tuquan.shared.web.SheetExports;
import vn.tuquan.units.UnitView;

/** The register of security cameras of a unit: registering, correcting and removing a camera, the camera map's points and the Excel export. */
@Controller
@Requires(Permission.MOVEMENT_READ)
class CameraPages {

    private final UnitMovementPage page;
    private final Models models;
    private final SheetExports exports;

    CameraPages(UnitMovementPage page, Models models, SheetExports exports) {
        this.page = page;
        this.models = models;
        this.exports = exports;
    }

    @PostMapping("/movement/units/{unitId}/cameras")
    @Requires(Permission.MOVEMENT_WRITE)
    String registerCamera(
            @PathVariable long unitId,
            @ModelAttribute("input") CameraInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "camera",
                input,
                model,
                redirect,
                unit -> models.register(CurrentCaller.get(), unit, input.form()).owner());
    }

    @PostMapping("/movement/units/{unitId}/cameras/{cameraId}")
    @Requires(Permission.MOVEMENT_WRITE)
    String editCamera(
            @PathVariable long unitId,
            @PathVariable long cameraId,
            @ModelAttribute("input") CameraInput input,
            Model model,
            RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "camera-" + cameraId + "/edit",
                "camera.edited",
                input,
                model,
                redirect,
                unit -> models.editCamera(CurrentCaller.get(), unit, cameraId, input.form())
                        .owner());
    }

    @PostMapping("/movement/units/{unitId}/cameras/{cameraId}/remove")
    @Requires(Permission.MOVEMENT_WRITE)
    String removeCamera(
            @PathVariable long unitId, @PathVariable long cameraId, Model model, RedirectAttributes redirect) {
        return page.attempt(
                unitId,
                "camera-" + cameraId + "/edit",
                "camera.removed",
                Map.of(),
                model,
                redirect,
                unit -> models.removeCamera(CurrentCaller.get(), unit, cameraId).owner());
    }

    @GetMapping(path = "/movement/units/{unitId}/cameras.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> cameras(@PathVariable long unitId) {
        UnitView unit = page.visible(unitId);
        List<Camera> cameras = models.cameras(CurrentCaller.view(), unit.id());
        return Map.of(
                "type",
                "FeatureCollection",
                "features",
                cameras.stream()
                        .map(c -> Map.of(
                                "type",
                                "Feature",
                                "geometry",
                                Map.of("type", "Point", "coordinates", List.of(c.longitude(), c.latitude())),
                                "properties",
                                Map.of(
                                        "id",
                                        c.id(),
                                        "unitId",
                                        c.unitId(),
                                        "owner",
                                        c.owner(),
                                        "description",
                                        c.description() == null ? "" : c.description())))
                        .toList());
    }

    @GetMapping(path = "/movement/units/{unitId}/cameras.xlsx", produces = SheetExports.XLSX)
    void exportCameras(@PathVariable long unitId, HttpServletResponse response) throws IOException {
        UnitView unit = page.visible(unitId);
        Scope view = CurrentCaller.view();
        Map<Long, String> unitNames = new HashMap<>();
        exports.send(
                response,
                "camera-" + unit.id() + ".xlsx",
                SheetExports.Layout.of(
                        "movement.cameras.sheet",
                        List.of(
                                "movement.model.unit",
                                "movement.field.latitude",
                                "movement.field.longitude",
                                "movement.field.owner",
                                "movement.camera.description",
                                "movement.camera.installedOn")),
                rows -> models.eachCamera(
                        view,
                        unit.id(),
                        c -> rows.row(
                                unitNames.computeIfAbsent(c.unitId(), page::unitName),
                                c.latitude(),
                                c.longitude(),
                                c.owner(),
                                c.description(),
                                c.installedOn())));
    }
}
