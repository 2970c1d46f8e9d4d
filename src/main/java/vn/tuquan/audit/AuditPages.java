package vn.tuquan.audit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tuquan.evaluation.Rulebooks;
import vn.tuquan.shared.CurrentCaller;
import vn.tuquan.shared.Named;
import vn.tuquan.shared.Permission;
import vn.tuquan.shared.Requires;

/**
 * {@code /audit}: search the audit log by person, unit, module and time, newest first. Who may open
 * it (auditors, administrators) and over which units comes with the access model's roles and scopes.
 */
@Controller
@Requires(Permission.AUDIT_READ)
class AuditPages {

    /** The entity of an entry about a criterion's entered value: {@code <evaluation id>/<criterion code>}. */
    private static final String EVALUATION_ENTRY = "evaluation-entry";

    private final AuditLog log;
    private final Rulebooks rulebooks;

    AuditPages(AuditLog log, Rulebooks rulebooks) {
        this.log = log;
        this.rulebooks = rulebooks;
    }

    @GetMapping("/audit")
    String search(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String module,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        AuditLog.Search search = new AuditLog.Search(username, unitId, module, from, to);
        model.addAttribute("search", search);
        model.addAttribute("modules", log.modules());
        AuditLog.Page result = log.search(CurrentCaller.get(), search, page);
        model.addAttribute("result", result);
        model.addAttribute("entities", entityLabels(result, locale));
        return "audit/searchAudit";
    }

    /**
     * What the page shows of each entry's entity id: the id, except for an entered value of a criterion,
     * whose id holds the criterion's code, shown by the criterion's name in the reader's language.
     */
    private Map<Long, String> entityLabels(AuditLog.Page result, Locale locale) {
        Map<Long, String> labels = new HashMap<>();
        Map<String, Named> criteria = null;
        for (AuditRecord entry : result.entries()) {
            String id = entry.entityId();
            int slash = id == null ? -1 : id.indexOf('/');
            if (EVALUATION_ENTRY.equals(entry.entityType()) && slash > 0) {
                if (criteria == null) {
                    criteria = rulebooks.criterionNames();
                }
                Named name = criteria.get(id.substring(slash + 1));
                if (name != null) {
                    labels.put(entry.id(), id.substring(0, slash) + " · " + name.in(locale));
                    continue;
                }
            }
            labels.put(entry.id(), id);
        }
        return labels;
    }
}
