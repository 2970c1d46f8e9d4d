package vn.tuquan.households.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.tuquan.households.HouseholdRefusedException;
import vn.tuquan.households.ImportProblem;

/** Refusals and import problems of the households module in the reader's language. */
@Component
class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(HouseholdRefusedException e) {
        return messages.getMessage(e.key(), e.args(), e.key(), LocaleContextHolder.getLocale());
    }

    String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    String of(ImportProblem problem) {
        return messages.getMessage(problem.key(), problem.args().stream().map(vn.tuquan.shared.MessageArguments::display)
                .toArray(), problem.key(), LocaleContextHolder.getLocale());
    }
}
