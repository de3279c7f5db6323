package org.medsign.card;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.card.validation.ValidatedCard;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.staff.VerifiedLogin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who holds a card: IT's link for this very certificate if there is one, else the person whose national ID the
 * certificate carries (looked up by keyed digest in the staff directory). IT links cards that name nobody.
 */
@Stateless
public class CardHolders {

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    VerifiedLogin staff;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext caller;

    /** The holder's employee number, or empty when the card is nobody's in this directory. */
    @PermitAll
    public Optional<String> holderOf(ValidatedCard card) {
        Optional<String> linked = link(card.fingerprint()).map(CardHolderLink::employeeNumber);
        return linked.isPresent() ? linked : card.nationalId().flatMap(staff::employeeNumberForNationalId);
    }

    /** Links a card certificate (by its SHA-256, as MS-2010 shows it and the audit trail records it) to a person. */
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public void link(String certificateSha256, String employeeNumber, String note) {
        // a start-up bean running as IT (the development HCA linking its demo card) has no caller of its own
        String principal = caller.getCallerPrincipal().getName();
        String actor = "anonymous".equals(principal) ? "system" : principal;
        String fingerprint = certificateSha256 == null ? "" : certificateSha256.strip().toLowerCase(Locale.ROOT);
        String employee = employeeNumber == null ? "" : employeeNumber.strip().toUpperCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            throw refused(actor, employee, ErrorCode.INVALID_INPUT, "certificate SHA-256");
        }
        if (!staff.exists(employee)) {
            throw refused(actor, employee, ErrorCode.NOT_FOUND);
        }
        if (link(fingerprint).isPresent()) {
            throw refused(actor, employee, ErrorCode.INVALID_INPUT, "certificate already linked");
        }
        String shortNote = note == null ? null : note.strip().substring(0, Math.min(100, note.strip().length()));
        em.persist(new CardHolderLink(fingerprint, employee, shortNote, actor, Instant.now()));
        audit.record(new AuditRecord(AuditAction.CARD_HOLDER_LINKED, AuditOutcome.SUCCESS, actor,
                employee, null, null, "card SHA-256 " + fingerprint));
    }

    @RolesAllowed(Role.IT_ADMIN_NAME)
    public boolean linked(String certificateSha256) {
        return link(certificateSha256).isPresent();
    }

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<CardLinkView> links() {
        return em.createQuery("select l from CardHolderLink l order by l.linkedAt desc", CardHolderLink.class)
                .setMaxResults(500).getResultStream().map(CardLinkView::of).toList();
    }

    private Optional<CardHolderLink> link(String fingerprint) {
        return em.createQuery("select l from CardHolderLink l where l.certificateSha256 = :f", CardHolderLink.class)
                .setParameter("f", fingerprint).getResultStream().findFirst();
    }

    private MedsignException refused(String actor, String employee, ErrorCode code, Object... arguments) {
        audit.record(AuditRecord.failure(AuditAction.CARD_HOLDER_LINKED, actor, employee, code, null));
        return new MedsignException(code, arguments);
    }
}
