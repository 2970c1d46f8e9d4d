package vn.tuquan.households.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.tuquan.households.HouseholdRefusedException;

/** A refusal the households pages cannot show in their own form: a page saying why, 404. */
@ControllerAdvice(assignableTypes = {HouseholdPages.class, HouseholdImportPages.class, HouseholdStayPages.class,
        CommitmentPages.class, OrganisationCommitmentPages.class})
class HouseholdPagesAdvice {

    private final PageMessages messages;

    HouseholdPagesAdvice(PageMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HouseholdRefusedException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String refused(HouseholdRefusedException e, Model model) {
        model.addAttribute("error", messages.of(e));
        return "households/notAnArea";
    }
}
