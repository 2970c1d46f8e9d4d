package vn.tuquan.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.tuquan.shared.Requires;
import vn.tuquan.shared.db.DatabaseInfo;

/** The home page, and the page of each area that is not built yet. */
@Controller
@Requires
class ShellController {

    private final DatabaseInfo database;
    private final String version;

    ShellController(DatabaseInfo database, @Value("${tuquan.version:development}") String version) {
        this.database = database;
        this.version = version;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("databaseVersion", database.serverVersion());
        model.addAttribute("databaseEmbedded", database.isEmbedded());
        model.addAttribute("version", version);
        return "shared/home";
    }

    /** The area's first address, kept for links made before the statistics were built. */
    @GetMapping("/reports")
    String reports() {
        return "redirect:/statistics";
    }

    @GetMapping("/{area:citizens}")
    String pendingArea(@PathVariable String area, Model model) {
        model.addAttribute("area", Area.byKey(area));
        return "shared/areaPending";
    }
}
