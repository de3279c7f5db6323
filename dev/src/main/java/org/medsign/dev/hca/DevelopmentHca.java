package org.medsign.dev.hca;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.card.CardHolders;
import org.medsign.card.validation.CardIdentity;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.dev.staff.DemoPeople;
import org.medsign.staff.NewStaffMember;
import org.medsign.kernel.Role;
import org.medsign.staff.VerifiedLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The development HCA at work: created on first start (root, card CA, CRLs, the demo soft cards), CRLs kept
 * current, and for IT on a development server: issue a card, revoke one and publish the CRL at once, so tests and
 * demos meet revocation the way production does (the CRL at the card's distribution point changes). Every IT
 * operation is refused with MS-9001 when the development HCA is off, and is audited.
 */
@Singleton
@Startup
@DependsOn("DemoStaff")
@DeclareRoles(Role.IT_ADMIN_NAME)
@RunAs(Role.IT_ADMIN_NAME)
public class DevelopmentHca {

    private static final Logger LOG = Logger.getLogger(DevelopmentHca.class.getName());
    private static final Set<String> PUBLISHED = Set.of(DevCaStore.CARD_CRL, DevCaStore.ROOT_CRL, DevCaStore.ROOT_PEM,
            DevCaStore.CARD_CA_PEM);

    @Inject
    DevHcaSettings settings;

    @Inject
    DevCardIssuer issuer;

    @Inject
    CardHolders holders;

    @Inject
    VerifiedLogin staff;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext caller;

    private DevCaStore store;

    @PostConstruct
    void start() {
        if (!settings.enabled()) {
            return;
        }
        store = new DevCaStore(settings.directory());
        try {
            if (!store.exists()) {
                issuer.create(store);
                LOG.info(() -> "Development HCA created in " + store.dir() + " with the demo soft cards (cards/*.p12;"
                        + " the PIN is in README)");
            } else {
                issuer.republishIfDue(store, Instant.now());
            }
            linkDemoCardsWithoutIdentifier();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the development HCA in " + store.dir(), e);
        }
    }

    @Lock(LockType.READ)
    @PermitAll
    public boolean enabled() {
        return store != null;
    }

    /** A published file (CRLs, CA certificates) for the /pki/ address, when the development HCA is on. */
    @Lock(LockType.READ)
    @PermitAll
    public Optional<byte[]> publication(String name) {
        if (store == null || !PUBLISHED.contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Lock(LockType.READ)
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public List<IssuedCard> cards() {
        try {
            return store().cards();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The people a card can be issued for: the demo staff, and "unknown" for a person not in the directory. */
    @Lock(LockType.READ)
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public List<String> holders() {
        List<String> people = new ArrayList<>(DemoPeople.all().stream().map(NewStaffMember::employeeNumber).toList());
        people.add(DevCardIssuer.UNKNOWN_PERSON);
        return people;
    }

    @RolesAllowed(Role.IT_ADMIN_NAME)
    public IssuedCard issue(String holder, boolean withIdentifier, boolean expired) {
        DevCaStore files = store();
        String label = holders().stream().filter(h -> h.equalsIgnoreCase(holder == null ? "" : holder.strip()))
                .findFirst().orElseThrow(() -> failed(AuditAction.DEV_HCA_CARD_ISSUED, null, ErrorCode.INVALID_INPUT, "holder"));
        try {
            IssuedCard card = issuer.issue(files, label, withIdentifier, expired, Instant.now());
            audit.record(new AuditRecord(AuditAction.DEV_HCA_CARD_ISSUED, AuditOutcome.SUCCESS, me(), card.serialHex(),
                    null, null, card.label() + (withIdentifier ? "" : ", no holder identifier") + (expired ? ", expired" : "")));
            return card;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The development HCA cannot issue a card", e);
        }
    }

    /** Revokes a card and publishes the new CRL at once. */
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public IssuedCard revoke(String serialHex) {
        DevCaStore files = store();
        String serial = serialHex == null ? "" : serialHex.strip().toLowerCase(Locale.ROOT).replaceFirst("^0+", "");
        try {
            IssuedCard revoked = issuer.revoke(files, serial, Instant.now())
                    .orElseThrow(() -> failed(AuditAction.DEV_HCA_CARD_REVOKED, serial, ErrorCode.NOT_FOUND));
            audit.record(new AuditRecord(AuditAction.DEV_HCA_CARD_REVOKED, AuditOutcome.SUCCESS, me(), serial, null, null,
                    revoked.label()));
            publishCrl();
            return revoked;
        } catch (IOException e) {
            throw new IllegalStateException("The development HCA cannot revoke a card", e);
        }
    }

    @RolesAllowed(Role.IT_ADMIN_NAME)
    public long publishCrl() {
        try {
            long number = issuer.publish(store(), Instant.now());
            audit.record(new AuditRecord(AuditAction.DEV_HCA_CRL_PUBLISHED, AuditOutcome.SUCCESS, me(),
                    DevCaStore.CARD_CRL, null, null, "CRL number " + number));
            return number;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The development HCA cannot publish its CRL", e);
        }
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void keepCrlsCurrent() {
        if (store != null) {
            try {
                issuer.republishIfDue(store, Instant.now());
            } catch (IOException | GeneralSecurityException e) {
                LOG.warning(() -> "The development HCA could not republish its CRLs: " + e);
            }
        }
    }

    /** The demo card that names nobody gets in through IT's link table, as such a real card would. */
    private void linkDemoCardsWithoutIdentifier() throws IOException, GeneralSecurityException {
        for (IssuedCard card : store.cards()) {
            if (!DevCardIssuer.demoCard(card) || !staff.exists(card.label())) {
                continue;
            }
            X509Certificate certificate = issuer.certificateOf(store, card);
            if (CardIdentity.nationalId(certificate).isEmpty()) {
                String fingerprint = CardIdentity.fingerprint(certificate);
                if (!holders.linked(fingerprint)) {
                    holders.link(fingerprint, card.label(), "development HCA demo card without holder identifier");
                }
            }
        }
    }

    private DevCaStore store() {
        if (store == null) {
            throw new MedsignException(ErrorCode.NOT_FOUND);
        }
        return store;
    }

    private MedsignException failed(AuditAction action, String subject, ErrorCode code, Object... arguments) {
        audit.record(AuditRecord.failure(action, me(), subject, code, null));
        return new MedsignException(code, arguments);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
