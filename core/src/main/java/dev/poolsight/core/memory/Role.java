package dev.poolsight.core.memory;

import java.util.Locale;

/** Who wrote a message, in the terms of chat-completion APIs. */
public enum Role {
    SYSTEM, USER, ASSISTANT, TOOL;

    // Kept rather than derived on each call: every append and every read of a message asks for it.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name stored in JSON, such as {@code assistant}. */
    public String wireName() {
        return wireName;
    }

    static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown message role \"" + name + "\"; accepted: system, user, assistant, tool");
    }
}
