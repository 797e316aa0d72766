package io.edihub.desk;

import io.edihub.cash.ContractStatement;
import io.edihub.cash.ContractStatements;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** A partner's contract statement as a page: the desk's (with what the terms cost us) and the partner's own. */
@Component
class StatementPages {

    private final ContractStatements statements;
    private final PartnerDirectory partners;

    StatementPages(ContractStatements statements, PartnerDirectory partners) {
        this.statements = statements;
        this.partners = partners;
    }

    /**
     * Fills the model for the statement of the partner's contract over the period (open ends: the contract's validity,
     * bounded by today).
     *
     * @return false when the partner has no contract
     */
    boolean fill(String partnerId, LocalDate from, LocalDate to, Model model) {
        Optional<String> contract = partners.byId(partnerId).map(PartnerProfile::contract).map(c -> c.number());
        if (contract.isEmpty()) {
            return false;
        }
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            Optional<ContractStatement> statement = statements.statement(partnerId, contract.get(), from, to);
            if (statement.isEmpty()) {
                return false;
            }
            model.addAttribute("statement", statement.get().rounded());
        } catch (ContractStatements.BadPeriod e) {
            model.addAttribute("refused", e.getMessage());
        }
        return true;
    }
}
