package org.medsign.cardagent;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;

/** {@code java -jar medsign-card-agent.jar --config agent.properties [--option value ...] [--unlock]}. */
public final class Main {
    static {
        // one line per log record; set before any logger exists
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
    }

    static final String USAGE = String.join("\n",
            "usage: java -jar medsign-card-agent.jar [--config agent.properties] [--option value ...] [--unlock]",
            "options (also keys of the config file; the command line wins):",
            "  --port N                  127.0.0.1 port, default 17380 (0: any free port)",
            "  --allowed-origins LIST    portal origins, default " + AgentConfig.DEFAULT_ORIGINS,
            "  --backend pkcs11|pkcs12   default: pkcs12 when pkcs12-file is given",
            "  --pkcs11-library PATH     the card middleware's PKCS#11 library",
            "  --pkcs11-slot ID | --pkcs11-slot-index N | --pkcs11-token-label LABEL",
            "  --pkcs12-file PATH        soft card: a .p12 whose password is the PIN",
            "  --key-alias NAME          the card key to sign with, default: the first signing key",
            "  --pcsc-reader auto|off|NAME  watch a PC/SC reader for card events (default auto for real cards)",
            "  --pcsc-library PATH       libpcsclite when the JDK does not find it",
            "  --simulate-card-events true|false  /v1/simulate/* (default true for soft cards)",
            "  --agent-pin-counter true|false     the agent counts wrong PINs (default true for soft cards)",
            "  --pin-tries N             wrong PINs before the agent locks a soft card, default 3",
            "  --state-dir DIR           where the PIN counter is kept, default ~/.medsign-card-agent",
            "  --unlock                  reset the agent's PIN counter of this soft card and exit");

    private Main() {
    }

    public static void main(String[] args) {
        int exit = run(args, System.out, System.err);
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /** @return the exit code, or -1 while the agent runs */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLine line = CommandLine.parse(args);
            if (line.help()) {
                out.println(USAGE);
                return 0;
            }
            AgentConfig config = AgentConfig.from(line.settings());
            if (line.unlock()) {
                return unlock(config, out, err);
            }
            CardAgent agent = CardAgent.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "card-agent-stop"));
            out.println("medsign card agent listening on " + agent.url());
            out.flush();
            return -1;
        } catch (ConfigException e) {
            err.println("card agent: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (BindException e) {
            err.println("card agent: the port is taken (is the agent already running?): " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("card agent: cannot start: " + e);
            return 1;
        }
    }

    private static int unlock(AgentConfig config, PrintStream out, PrintStream err) {
        if (!config.agentPinCounter()) {
            err.println("card agent: this card counts wrong PINs itself; --unlock only resets the agent's counter"
                    + " of soft cards. Unlock a real card with the card issuer's procedure.");
            return 2;
        }
        try {
            CardAgent.pinGuard(config).reset();
        } catch (AgentException e) {
            err.println("card agent: " + e.getMessage());
            return 1;
        }
        out.println("PIN counter reset for " + config.cardKey());
        return 0;
    }
}
