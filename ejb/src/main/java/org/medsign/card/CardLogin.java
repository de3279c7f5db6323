package org.medsign.card;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.staff.AuthenticatedStaff;
import org.medsign.staff.VerifiedLogin;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Card login (M3). The page gets a challenge bound to its session and origin, the card agent signs it after the PIN
 * (the PIN never reaches this server), and {@link #authenticate} checks the signature and the card, maps the card to
 * a staff member and logs them in. A refusal leaves only its audit record and the used-up challenge: no session,
 * no other data. Anonymous callers reach both methods: this is how they stop being anonymous.
 */
@Stateless
@PermitAll
public class CardLogin {

    @Inject
    CardChallenges challenges;

    @Inject
    AssertionVerifier verifier;

    @Inject
    CardHolders holders;

    @Inject
    VerifiedLogin staff;

    @Inject
    CardCheckThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.card.challenge-seconds", defaultValue = "120")
    int challengeSeconds;

    public IssuedChallenge challenge(ChallengeBinding binding) {
        Instant now = Instant.now();
        if (!binding.wellFormedOrigin()) {
            throw new MedsignException(ErrorCode.CARD_CHALLENGE_ORIGIN);
        }
        if (binding.sessionHash().isEmpty()) {
            throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
        }
        throttle.challengeIssued(binding.clientAddress(), now);
        return challenges.issue(CardPurpose.LOGIN, binding, now, now.plus(Duration.ofSeconds(challengeSeconds)), Map.of());
    }

    public AuthenticatedStaff authenticate(CardAssertion assertion, ChallengeBinding binding) {
        Instant now = Instant.now();
        ParsedAssertion parsed = null;
        String holder = null;
        try {
            throttle.requireAllowed(binding.clientAddress(), now);
            parsed = ParsedAssertion.of(assertion);
            VerifiedAssertion verified = verifier.verify(parsed, CardPurpose.LOGIN, binding, now);
            holder = holders.holderOf(verified.card()).orElseThrow(() -> new MedsignException(
                    ErrorCode.CARD_HOLDER_UNKNOWN, verified.card().fingerprint().substring(0, 16)));
            AuthenticatedStaff staffMember = loggedIn(holder);
            String detail = parsed.auditDetail() + (verified.card().revocationChecked() ? "" : "; revocation NOT checked (fail-open)");
            audit.record(new AuditRecord(AuditAction.CARD_LOGIN, AuditOutcome.SUCCESS, holder, holder, null,
                    binding.clientAddress(), detail));
            return staffMember;
        } catch (MedsignException e) {
            if (e.errorCode() != ErrorCode.CARD_LOGIN_THROTTLED) {
                throttle.failed(binding.clientAddress(), now);
            }
            audit.record(new AuditRecord(AuditAction.CARD_LOGIN, AuditOutcome.FAILURE, holder == null ? "anonymous" : holder,
                    holder, e.errorCode(), binding.clientAddress(), parsed == null ? null : parsed.auditDetail()));
            throw e;
        }
    }

    private AuthenticatedStaff loggedIn(String employeeNumber) {
        try {
            return staff.logIn(employeeNumber);
        } catch (MedsignException e) {
            // a link to a person the directory no longer has is a card of nobody
            throw e.errorCode() == ErrorCode.NOT_FOUND ? new MedsignException(ErrorCode.CARD_HOLDER_UNKNOWN, "-") : e;
        }
    }
}
