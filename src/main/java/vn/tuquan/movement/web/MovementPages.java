package vn.tuquan.movement.web;

import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.movement.Conference;
import vn.tuquan.movement.ModelTypes;
import vn.tuquan.movement.Titles;
import vn.tuquan.shared.Caller;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Dates;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;
import vn.tuquan.units.Units;

/**
 * The movement area: the landing page and a unit's page (its summary and its registers). Each register's forms post to
 * its own controller: {@link ModelPages}, {@link CameraPages}, {@link ConferencePages}, {@link TitlePages},
 * {@link AgreementPages}; {@link UnitMovementPage} draws the page they all come back to.
 */
@Controller
@Requires(Permission.MOVEMENT_READ)
class MovementPages {

    private final Units units;
    private final ModelTypes types;
    private final Titles titles;
    private final UnitMovementPage page;

    MovementPages(Units units, ModelTypes types, Titles titles, UnitMovementPage page) {
        this.units = units;
        this.types = types;
        this.titles = titles;
        this.page = page;
    }

    @GetMapping("/movement")
    String landing(Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("roots", units.roots(caller.view(), Dates.today()));
        model.addAttribute("types", types.all());
        model.addAttribute("titles", titles.all());
        model.addAttribute("english", Named.english());
        return "movement/showMovement";
    }

    @GetMapping("/movement/units/{unitId}")
    String unit(
            @PathVariable long unitId,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "false") boolean effective,
            @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "false") boolean running,
            @RequestParam(defaultValue = "false") boolean installed,
            @RequestParam(required = false) Conference.Kind kind,
            @RequestParam(required = false) String title,
            Model model) {
        model.addAttribute("effectiveOnly", effective);
        if (type != null && !type.isBlank()) {
            // the models of a type running on the year's last day (31/10): what the statistics count
            model.addAttribute("runningType", type.strip());
        }
        // the records a statistics' number counts (MovementCounts' lists): models running on 31/10,
        // cameras installed by then, reviews of a period ending in the year, a title's awards of the year
        model.addAttribute("runningOnly", running);
        model.addAttribute("installedOnly", installed);
        model.addAttribute("reviewKind", kind);
        if (title != null && !title.isBlank()) {
            model.addAttribute("awardsTitle", title.strip());
        }
        return page.show(unitId, year, Map.of(), null, null, model);
    }
}
