package org.medsign.card;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.privacy.PersonalDataVault;
import org.medsign.kernel.Role;

import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * The card presence proof of M12: PIN, pull the card out, insert it again, PIN. The page drives the card agent;
 * this service issues the two challenges and checks the two signatures ({@link PresenceRules} says what that proves
 * and what it only takes on the agent's word). The certificate application calls {@link #redeem} once with the
 * ceremony id the page hands it, and keeps the {@link PresenceProof} as evidence.
 * <p>
 * Settings: {@code medsign.card.presence-minutes} (3) from start to second signature;
 * {@code medsign.card.presence-redeem-minutes} (15) from proof to redemption.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class CardPresence {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    CardChallenges challenges;

    @Inject
    AssertionVerifier verifier;

    @Inject
    CardHolders holders;

    @Inject
    AuditLog audit;

    @Inject
    PersonalDataVault vault;

    @Resource
    SessionContext caller;

    @Inject
    @ConfigProperty(name = "medsign.card.presence-minutes", defaultValue = "3")
    int presenceMinutes;

    @Inject
    @ConfigProperty(name = "medsign.card.presence-redeem-minutes", defaultValue = "15")
    int redeemMinutes;

    /** @param context what the proof is for, signed in both challenges (e.g. the application's device and statement) */
    public PresenceStep start(ChallengeBinding binding, String context) {
        return audited(null, binding, () -> {
            if (!binding.wellFormedOrigin()) {
                throw new MedsignException(ErrorCode.CARD_CHALLENGE_ORIGIN);
            }
            String text = PresenceRules.context(context);
            Instant now = Instant.now();
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Instant expires = now.plus(Duration.ofMinutes(presenceMinutes));
            IssuedChallenge first = challenges.issue(CardPurpose.PRESENCE_FIRST, binding, now, expires,
                    PresenceRules.challengeLines(id, 1, text, null));
            em.persist(new PresenceCeremony(id, me(), binding, text, now, expires, first));
            return new PresenceStep(id, 1, first);
        });
    }

    /** The first PIN's signature; {@code agentSeq} is the agent's last event number when it was made. */
    public PresenceStep confirmFirst(String ceremonyId, CardAssertion assertion, long agentSeq, ChallengeBinding binding) {
        return audited(ceremonyId, binding, () -> {
            Instant now = Instant.now();
            PresenceCeremony ceremony = ceremony(ceremonyId, binding, PresenceStatus.STARTED, now);
            ParsedAssertion parsed = ParsedAssertion.of(assertion);
            if (!ceremony.firstChallenge().equals(parsed.challengeId())) {
                throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
            }
            VerifiedAssertion first = verifier.verify(parsed, CardPurpose.PRESENCE_FIRST, binding, now);
            String holder = holders.holderOf(first.card()).orElseThrow(() -> new MedsignException(
                    ErrorCode.CARD_HOLDER_UNKNOWN, first.card().fingerprint().substring(0, 16)));
            if (!holder.equals(me())) {
                throw new MedsignException(ErrorCode.CARD_NOT_YOURS);
            }
            IssuedChallenge second = challenges.issue(CardPurpose.PRESENCE_SECOND, binding, now, ceremony.expiresAt(),
                    PresenceRules.challengeLines(ceremonyId, 2, ceremony.context(), first.signature()));
            ceremony.firstSigned(first, sealed(first), agentSeq, second, now);
            return new PresenceStep(ceremonyId, 2, second);
        });
    }

    /** The second PIN's signature, with the agent's events since the first one. */
    public PresenceProof confirmSecond(String ceremonyId, CardAssertion assertion, List<AgentEvent> events,
                                       ChallengeBinding binding) {
        return audited(ceremonyId, binding, () -> {
            Instant now = Instant.now();
            PresenceCeremony ceremony = ceremony(ceremonyId, binding, PresenceStatus.FIRST_SIGNED, now);
            ParsedAssertion parsed = ParsedAssertion.of(assertion);
            if (!ceremony.secondChallenge().equals(parsed.challengeId())) {
                throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
            }
            VerifiedAssertion second = verifier.verify(parsed, CardPurpose.PRESENCE_SECOND, binding, now);
            if (!second.card().fingerprint().equals(ceremony.cardSha256())) {
                throw new MedsignException(ErrorCode.CARD_CHANGED);
            }
            String reported = PresenceEvents.removedThenInserted(ceremony.agentSeq(), events)
                    .orElseThrow(() -> new MedsignException(ErrorCode.CARD_NOT_REINSERTED));
            ceremony.proven(second, reported, now);
            audit.record(new AuditRecord(AuditAction.CARD_PRESENCE, AuditOutcome.SUCCESS, me(), me(), null,
                    binding.clientAddress(), "ceremony " + ceremonyId + ", " + parsed.auditDetail()));
            return ceremony.proof();
        });
    }

    /** Hands a proven ceremony of the caller to the certificate application, once, within the redeem time. */
    public PresenceProof redeem(String ceremonyId) {
        Instant now = Instant.now();
        PresenceCeremony ceremony = ceremonyId == null ? null
                : em.find(PresenceCeremony.class, ceremonyId, LockModeType.PESSIMISTIC_WRITE);
        if (ceremony == null || ceremony.status() != PresenceStatus.PROVEN || !me().equals(ceremony.proof().employeeNumber())) {
            throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
        }
        if (ceremony.provenAt().plus(Duration.ofMinutes(redeemMinutes)).isBefore(now)) {
            throw new MedsignException(ErrorCode.CARD_PRESENCE_EXPIRED);
        }
        return ceremony.redeem(now);
    }

    /** Ceremonies are evidence only until redeemed (the application keeps its own copy); a day later they go. */
    @Schedule(hour = "*", minute = "7/15", persistent = false)
    void purge() {
        em.createQuery("delete from PresenceCeremony p where p.startedAt < :before")
                .setParameter("before", Instant.now().minus(Duration.ofDays(1))).executeUpdate();
    }

    private PresenceCeremony ceremony(String id, ChallengeBinding binding, PresenceStatus expected, Instant now) {
        PresenceCeremony ceremony = id == null || id.length() != 22 ? null
                : em.find(PresenceCeremony.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (ceremony == null || !ceremony.ownedBy(me(), binding.sessionHash())) {
            throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
        }
        if (!ceremony.origin().equals(binding.origin())) {
            throw new MedsignException(ErrorCode.CARD_CHALLENGE_ORIGIN);
        }
        if (!now.isBefore(ceremony.expiresAt())) {
            throw new MedsignException(ErrorCode.CARD_PRESENCE_EXPIRED);
        }
        if (ceremony.status() != expected) {
            throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
        }
        return ceremony;
    }

    private byte[] sealed(VerifiedAssertion assertion) {
        try {
            return vault.seal(Base64.getEncoder().encodeToString(assertion.card().certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }

    private <T> T audited(String ceremonyId, ChallengeBinding binding, Supplier<T> step) {
        try {
            return step.get();
        } catch (MedsignException e) {
            audit.record(new AuditRecord(AuditAction.CARD_PRESENCE, AuditOutcome.FAILURE, me(), me(), e.errorCode(),
                    binding.clientAddress(), ceremonyId == null ? null : "ceremony " + ceremonyId));
            throw e;
        }
    }
}
