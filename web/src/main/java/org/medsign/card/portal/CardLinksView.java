package org.medsign.card.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.card.CardHolders;
import org.medsign.card.CardLinkView;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;

import java.util.List;

/**
 * IT's page for cards whose certificate names no holder (醫事人員卡對應): a refused login shows MS-2010 with the
 * start of the card's SHA-256, the audit trail has all of it; IT links that SHA-256 to the employee number here.
 */
@Named
@RequestScoped
public class CardLinksView {

    @Inject
    CardHolders holders;

    @Inject
    FacesContext faces;

    private String fingerprint;
    private String employeeNumber;
    private String note;

    public List<CardLinkView> getLinks() {
        return holders.links();
    }

    public void link() {
        try {
            holders.link(fingerprint, employeeNumber, note);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    faces.getApplication().getResourceBundle(faces, "msg").getString("cardLinks.linked"), null));
            fingerprint = null;
            employeeNumber = null;
            note = null;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
