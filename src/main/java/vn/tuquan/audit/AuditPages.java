package vn.tuquan.audit;

import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /audit}: search the audit log by person, unit, module and time, newest first. Who may open
 * it (auditors, administrators) and over which units comes with the access model's roles and scopes.
 */
@Controller
@Requires(Permission.AUDIT_READ)
class AuditPages {

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String username,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String module,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditLog.Search search = new AuditLog.Search(username, unitId, module, from, to);
        model.addAttribute("search", search);
        model.addAttribute("modules", log.modules());
        model.addAttribute("result", log.search(CurrentCaller.get(), search, page));
        return "audit/searchAudit";
    }
}
