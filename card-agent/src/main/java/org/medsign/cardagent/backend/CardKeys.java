package org.medsign.cardagent.backend;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;

/** Picks the signing key in an opened card key store and signs with it. */
final class CardKeys {
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private CardKeys() {
    }

    /**
     * Signs with the chosen key. {@code provider} is the card's provider (a PKCS#11 key cannot leave the card),
     * or null to let the JCA choose for software keys.
     */
    static SignResult sign(KeyStore store, String wantedAlias, char[] keyPassword, byte[] data, Provider provider)
            throws AgentException {
        try {
            String alias = chooseAlias(store, wantedAlias);
            Key key = store.getKey(alias, keyPassword);
            List<X509Certificate> chain = chain(store.getCertificateChain(alias));
            if (!(key instanceof PrivateKey) || chain.isEmpty()) {
                throw new AgentException(AgentError.CARD_ERROR, "the card key '" + alias + "' has no certificate");
            }
            String algorithm = algorithmFor((PrivateKey) key);
            Signature signature = provider == null ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, provider);
            signature.initSign((PrivateKey) key);
            signature.update(data);
            return new SignResult(signature.sign(), algorithm, chain);
        } catch (GeneralSecurityException e) {
            AgentError error = LoginFailures.classify(e) == AgentError.CARD_ABSENT ? AgentError.CARD_ABSENT
                    : AgentError.CARD_ERROR;
            throw new AgentException(error, "the card could not sign: " + e.getMessage());
        }
    }

    /** The configured alias, else the first key (by name) whose certificate allows signatures. */
    static String chooseAlias(KeyStore store, String wantedAlias) throws GeneralSecurityException, AgentException {
        if (wantedAlias != null) {
            if (!store.isKeyEntry(wantedAlias)) {
                throw new AgentException(AgentError.CARD_ERROR, "the card holds no key named '" + wantedAlias + "'");
            }
            return wantedAlias;
        }
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate) {
                keys.add(alias);
            }
        }
        if (keys.isEmpty()) {
            throw new AgentException(AgentError.CARD_ERROR, "the card holds no key with a certificate");
        }
        Collections.sort(keys);
        for (String alias : keys) {
            boolean[] usage = ((X509Certificate) store.getCertificate(alias)).getKeyUsage();
            if (usage == null || usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION]) {
                return alias;
            }
        }
        return keys.get(0);
    }

    static String algorithmFor(PrivateKey key) throws AgentException {
        switch (key.getAlgorithm()) {
            case "RSA":
                return "SHA256withRSA";
            case "EC":
                return "SHA256withECDSA";
            default:
                throw new AgentException(AgentError.CARD_ERROR, "unsupported card key type " + key.getAlgorithm());
        }
    }

    private static List<X509Certificate> chain(Certificate[] certificates) {
        List<X509Certificate> chain = new ArrayList<>();
        if (certificates != null) {
            for (Certificate certificate : certificates) {
                if (certificate instanceof X509Certificate) {
                    chain.add((X509Certificate) certificate);
                }
            }
        }
        return chain;
    }
}
