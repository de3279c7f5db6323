package org.medsign.credential.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateView;
import org.medsign.credential.RevocationReason;
import org.medsign.credential.TimestampKeys;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.util.List;

/**
 * IT's certificate search (by employee number or serial) and revocation with an RFC 5280 reason, and the TSA's
 * certificate with its key rollover.
 */
@Named
@ViewScoped
public class ItCertificatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificateRegistry registry;

    @Inject
    transient TimestampKeys timestampKeys;

    private String query = "";
    private List<CertificateView> results;
    private String selected;
    private RevocationReason reason = RevocationReason.UNSPECIFIED;
    private TimestampKeys.TsaView tsa;

    public void search() {
        results = registry().search(query, 200);
    }

    public void select(String serial) {
        selected = serial;
    }

    public void revoke() {
        try {
            registry().revokeAsIt(selected, reason);
            search();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /** 更換金鑰: the TSA's key rollover, confirmed in a dialog. */
    public void rollTimestampKey() {
        try {
            tsa = timestampKeys().roll();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public TimestampKeys.TsaView getTsa() {
        if (tsa == null) {
            tsa = timestampKeys().current();
        }
        return tsa;
    }

    public List<CertificateView> getResults() {
        if (results == null) {
            search();
        }
        return results;
    }

    public RevocationReason[] getReasons() {
        return RevocationReason.values();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.substring(0, Math.min(64, query.length()));
    }

    public String getSelected() {
        return selected;
    }

    public RevocationReason getReason() {
        return reason;
    }

    public void setReason(RevocationReason reason) {
        this.reason = reason;
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private CertificateRegistry registry() {
        return registry = Services.kept(registry, CertificateRegistry.class);
    }

    private TimestampKeys timestampKeys() {
        return timestampKeys = Services.kept(timestampKeys, TimestampKeys.class);
    }
}
