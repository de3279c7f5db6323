package org.medsign.cardagent.pcsc;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The PC/SC readers of this machine. The factory holds a PC/SC context, so it is kept while it works and made
 * anew after a failure (the PC/SC service may start after the agent).
 */
final class SystemTerminals implements PcscReaderWatcher.Terminals {
    private TerminalFactory factory;

    @Override
    public List<CardTerminal> list() throws CardException {
        try {
            if (factory == null) {
                factory = TerminalFactory.getInstance("PC/SC", null);
            }
            return factory.terminals().list();
        } catch (NoSuchAlgorithmException e) {
            throw new CardException("PC/SC is not available: " + e.getCause(), e);
        } catch (CardException | RuntimeException e) {
            factory = null;
            throw e;
        }
    }
}
