package org.medsign.cardagent.backend;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.ConfigException;

/**
 * Slot and token information (token present, label, PIN flags, slot description) that SunPKCS11 does not
 * publish, read through the JDK's own PKCS#11 wrapper. The wrapper is JDK-internal: the agent's jar manifest
 * exports it ({@code Add-Exports}); reflection keeps the build on plain {@code --release 17}.
 */
final class Pkcs11Slots {
    private static final String WRAPPER = "sun.security.pkcs11.wrapper";
    private static final long CKF_TOKEN_PRESENT = 0x1L;
    private static final long CKF_OS_LOCKING_OK = 0x2L;

    /** One slot: a reader, or SoftHSM2's stand-in for one. */
    record Slot(long id, String description, boolean tokenPresent, String tokenLabel, long tokenFlags) {
        static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
        static final long CKF_USER_PIN_LOCKED = 0x40000L;

        PinStatus pinStatus() {
            if ((tokenFlags & CKF_USER_PIN_LOCKED) != 0) {
                return new PinStatus(0, true);
            }
            if ((tokenFlags & CKF_USER_PIN_FINAL_TRY) != 0) {
                return new PinStatus(1, false);
            }
            return PinStatus.UNKNOWN;
        }
    }

    private final String library;
    private final Method getInstance;
    private final Class<?> initArgsClass;
    private final Method getSlotList;
    private final Method getSlotInfo;
    private final Method getTokenInfo;

    Pkcs11Slots(String library) throws ConfigException {
        this.library = library;
        try {
            Class<?> pkcs11 = Class.forName(WRAPPER + ".PKCS11");
            if (!pkcs11.getModule().isExported(WRAPPER, Pkcs11Slots.class.getModule())) {
                throw new ConfigException("the PKCS#11 back end needs the JDK's PKCS#11 wrapper: start the agent with "
                        + "'java -jar medsign-card-agent.jar' (its manifest exports it) or add "
                        + "--add-exports jdk.crypto.cryptoki/" + WRAPPER + "=ALL-UNNAMED");
            }
            initArgsClass = Class.forName(WRAPPER + ".CK_C_INITIALIZE_ARGS");
            getInstance = pkcs11.getMethod("getInstance", String.class, String.class, initArgsClass, boolean.class);
            getSlotList = pkcs11.getMethod("C_GetSlotList", boolean.class);
            getSlotInfo = pkcs11.getMethod("C_GetSlotInfo", long.class);
            getTokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("this JDK's PKCS#11 wrapper is not the expected one: " + e);
        }
    }

    /** All slots the library knows, with or without a card; NO_READER when the library cannot be used. */
    List<Slot> list() throws AgentException {
        Object module = module();
        List<Slot> slots = new ArrayList<>();
        for (long id : (long[]) call(getSlotList, module, false)) {
            Object slotInfo = call(getSlotInfo, module, id);
            boolean present = (longField(slotInfo, "flags") & CKF_TOKEN_PRESENT) != 0;
            String description = text(slotInfo, "slotDescription");
            String label = null;
            long flags = 0;
            if (present) {
                try {
                    Object tokenInfo = call(getTokenInfo, module, id);
                    label = text(tokenInfo, "label");
                    flags = longField(tokenInfo, "flags");
                } catch (AgentException unreadable) {
                    // a card the middleware cannot read is still a card in the reader: signing will say why
                }
            }
            slots.add(new Slot(id, description, present, label, flags));
        }
        return slots;
    }

    /** The library's wrapper instance, initialised the way SunPKCS11 does it; the JDK caches it per library. */
    private Object module() throws AgentException {
        try {
            Object initArgs = initArgsClass.getConstructor().newInstance();
            initArgsClass.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
            return call(getInstance, null, library, "C_GetFunctionList", initArgs, false);
        } catch (ReflectiveOperationException e) {
            throw new AgentException(AgentError.NO_READER, "PKCS#11 wrapper failure: " + e);
        }
    }

    private static Object call(Method method, Object target, Object... args) throws AgentException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new AgentException(AgentError.NO_READER, "the PKCS#11 library failed: " + e.getCause());
        } catch (IllegalAccessException e) {
            throw new AgentException(AgentError.NO_READER, "PKCS#11 wrapper not accessible: " + e.getMessage());
        }
    }

    private static long longField(Object info, String name) throws AgentException {
        try {
            return info.getClass().getField(name).getLong(info);
        } catch (ReflectiveOperationException e) {
            throw new AgentException(AgentError.NO_READER, "PKCS#11 wrapper field " + name + ": " + e);
        }
    }

    private static String text(Object info, String name) throws AgentException {
        try {
            return new String((char[]) info.getClass().getField(name).get(info)).trim();
        } catch (ReflectiveOperationException e) {
            throw new AgentException(AgentError.NO_READER, "PKCS#11 wrapper field " + name + ": " + e);
        }
    }
}
