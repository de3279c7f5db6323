package org.medsign.dev.hca.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.dev.hca.DevHcaSettings;
import org.medsign.dev.hca.DevelopmentHca;
import org.medsign.dev.hca.IssuedCard;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The IT page of the development HCA (開發用醫事憑證 CA): issue a soft card for a demo person (or for nobody in the
 * directory, expired, without holder identifier), revoke a card and publish the CRL. Only on a development server.
 */
@Named
@RequestScoped
public class DevHcaView {

    @Inject
    DevelopmentHca hca;

    @Inject
    DevHcaSettings settings;

    @Inject
    FacesContext faces;

    private String holder = "N0001";
    private boolean withIdentifier = true;
    private boolean expired;
    private String serial;

    public boolean isEnabled() {
        return hca.enabled();
    }

    public List<IssuedCard> getCards() {
        if (!hca.enabled()) {
            return List.of();
        }
        List<IssuedCard> newestFirst = new ArrayList<>(hca.cards());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public List<String> getHolders() {
        return hca.holders();
    }

    public String getCardsDirectory() {
        return settings.directory().resolve("cards").toString();
    }

    public String getPin() {
        return DevHcaSettings.SOFT_CARD_PIN;
    }

    public String status(IssuedCard card) {
        return card.revoked() ? "revoked" : card.expiredAt(Instant.now()) ? "expired" : "valid";
    }

    public void issue() {
        try {
            IssuedCard card = hca.issue(holder, withIdentifier, expired);
            info("devHca.issued", card.serialHex(), card.file());
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public void revoke() {
        try {
            IssuedCard card = hca.revoke(serial);
            info("devHca.revoked", card.serialHex());
            serial = null;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public void publish() {
        info("devHca.published", hca.publishCrl());
    }

    private void info(String key, Object... arguments) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                MessageFormat.format(bundle.getString(key), arguments), null));
    }

    public String getHolder() {
        return holder;
    }

    public void setHolder(String holder) {
        this.holder = holder;
    }

    public boolean isWithIdentifier() {
        return withIdentifier;
    }

    public void setWithIdentifier(boolean withIdentifier) {
        this.withIdentifier = withIdentifier;
    }

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }
}
